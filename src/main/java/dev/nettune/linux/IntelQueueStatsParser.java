package dev.nettune.linux;

import java.util.Set;

/** ixgbe, ice, igb, ixgbevf: {@code rx_queue_N_packets}, {@code rx_queue_N_bytes}, {@code tx_queue_N_packets}, {@code tx_queue_N_bytes}. */
public final class IntelQueueStatsParser implements DriverStatsParser {
    @Override
    public Set<String> drivers() {
        return Set.of("ixgbe", "ice", "igb", "ixgbevf", "igc");
    }

    @Override
    public boolean accept(String text, int from, int to, long value, QueueCounters.Builder into) {
        return acceptQueueUnderscore(text, from, to, value, into);
    }

    static boolean acceptQueueUnderscore(String text, int from, int to, long value, QueueCounters.Builder into) {
        if (to - from < 12 || text.charAt(from + 2) != '_') {
            return false;
        }
        boolean rx = text.startsWith("rx_queue_", from);
        if (!rx && !text.startsWith("tx_queue_", from)) {
            return false;
        }
        String p = rx ? "rx_queue_" : "tx_queue_";
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
