package dev.nettune.linux;

import java.util.Set;

/** mlx5_core: ring counters {@code rxN_packets}, {@code rxN_bytes}, {@code txN_packets}, {@code txN_bytes}. */
public final class Mlx5StatsParser implements DriverStatsParser {
    @Override
    public Set<String> drivers() {
        return Set.of("mlx5_core");
    }

    @Override
    public boolean accept(String text, int from, int to, long value, QueueCounters.Builder into) {
        if (to - from < 4 || text.charAt(from + 1) != 'x' || text.charAt(from + 2) < '0' || text.charAt(from + 2) > '9') {
            return false;
        }
        boolean rx = text.charAt(from) == 'r';
        if (!rx && text.charAt(from) != 't') {
            return false;
        }
        String p = rx ? "rx" : "tx";
        int q = DriverStatsParser.queueIndex(text, from, to, p, "_packets");
        if (q >= 0) {
            into.put(q, rx ? QueueCounters.Builder.RX_PACKETS : QueueCounters.Builder.TX_PACKETS, value);
            return true;
        }
        q = DriverStatsParser.queueIndex(text, from, to, p, "_bytes");
        if (q >= 0) {
            into.put(q, rx ? QueueCounters.Builder.RX_BYTES : QueueCounters.Builder.TX_BYTES, value);
            return true;
        }
        return false;
    }
}
