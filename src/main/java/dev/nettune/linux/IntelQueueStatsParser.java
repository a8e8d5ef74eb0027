package dev.nettune.linux;

import java.util.Set;

/** ixgbe, ice, igb, ixgbevf: {@code rx_queue_N_packets}, {@code rx_queue_N_bytes}, {@code tx_queue_N_packets}, {@code tx_queue_N_bytes}. */
public final class IntelQueueStatsParser implements DriverStatsParser {
    @Override
    public Set<String> drivers() {
        return Set.of("ixgbe", "ice", "igb", "ixgbevf", "igc");
    }

    @Override
    public boolean accept(String name, long value, QueueCounters.Builder into) {
        return acceptQueueUnderscore(name, value, into);
    }

    static boolean acceptQueueUnderscore(String name, long value, QueueCounters.Builder into) {
        if (name.length() < 12 || name.charAt(2) != '_') {
            return false;
        }
        boolean rx = name.startsWith("rx_queue_");
        if (!rx && !name.startsWith("tx_queue_")) {
            return false;
        }
        String p = rx ? "rx_queue_" : "tx_queue_";
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
