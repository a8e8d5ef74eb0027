package dev.nettune.linux;

import java.util.Set;

/** mlx5_core: ring counters {@code rxN_packets}, {@code rxN_bytes}, {@code txN_packets}, {@code txN_bytes}. */
public final class Mlx5StatsParser implements DriverStatsParser {
    @Override
    public Set<String> drivers() {
        return Set.of("mlx5_core");
    }

    @Override
    public boolean accept(String name, long value, QueueCounters.Builder into) {
        if (name.length() < 4 || name.charAt(1) != 'x' || name.charAt(2) < '0' || name.charAt(2) > '9') {
            return false;
        }
        boolean rx = name.charAt(0) == 'r';
        if (!rx && name.charAt(0) != 't') {
            return false;
        }
        String p = rx ? "rx" : "tx";
        int q = DriverStatsParser.queueIndex(name, p, "_packets");
        if (q >= 0) {
            into.put(q, rx ? QueueCounters.Builder.RX_PACKETS : QueueCounters.Builder.TX_PACKETS, value);
            return true;
        }
        q = DriverStatsParser.queueIndex(name, p, "_bytes");
        if (q >= 0) {
            into.put(q, rx ? QueueCounters.Builder.RX_BYTES : QueueCounters.Builder.TX_BYTES, value);
            return true;
        }
        return false;
    }
}
