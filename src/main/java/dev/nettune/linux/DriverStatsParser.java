package dev.nettune.linux;

/**
 * Knows how one driver names its per-queue counters in {@code ethtool -S} (one parser per driver,
 * as ethq does): each statistic is offered and the parser keeps the ones that are per-queue packets
 * or bytes.
 */
public sealed interface DriverStatsParser
        permits VirtioNetStatsParser, Mlx5StatsParser, EnaStatsParser, IntelQueueStatsParser, I40eStatsParser {

    /** The drivers (as {@code ethtool -i} names them) this layout belongs to. */
    java.util.Set<String> drivers();

    /** Records {@code name=value} into {@code into} if it is a per-queue counter; returns whether it was. */
    boolean accept(String name, long value, QueueCounters.Builder into);

    /** The queue index if {@code name} is exactly prefix + decimal digits + suffix, else -1. */
    static int queueIndex(String name, String prefix, String suffix) {
        int n = name.length();
        int start = prefix.length();
        int end = n - suffix.length();
        if (end <= start || !name.startsWith(prefix) || !name.endsWith(suffix)) {
            return -1;
        }
        int q = 0;
        for (int i = start; i < end; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9' || q > 100_000) {
                return -1;
            }
            q = q * 10 + (c - '0');
        }
        return q;
    }
}
