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

    /**
     * Records the statistic named by {@code text[from, to)} with {@code value} into {@code into} if it is
     * a per-queue counter; returns whether it was. The name is read in place: parsing a 64-queue
     * {@code ethtool -S} many times a second must not allocate a string per line.
     */
    boolean accept(String text, int from, int to, long value, QueueCounters.Builder into);

    /** As {@link #accept(String, int, int, long, QueueCounters.Builder)} for a whole name. */
    default boolean accept(String name, long value, QueueCounters.Builder into) {
        return accept(name, 0, name.length(), value, into);
    }

    /** The queue index if {@code name} is exactly prefix + decimal digits + suffix, else -1. */
    static int queueIndex(String name, String prefix, String suffix) {
        return queueIndex(name, 0, name.length(), prefix, suffix);
    }

    /** The queue index if {@code text[from, to)} is exactly prefix + decimal digits + suffix, else -1. */
    static int queueIndex(String text, int from, int to, String prefix, String suffix) {
        int start = from + prefix.length();
        int end = to - suffix.length();
        if (end <= start || !text.startsWith(prefix, from) || !text.startsWith(suffix, end)) {
            return -1;
        }
        int q = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || q > 100_000) {
                return -1;
            }
            q = q * 10 + (c - '0');
        }
        return q;
    }
}
