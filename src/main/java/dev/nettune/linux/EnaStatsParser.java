package dev.nettune.linux;

import java.util.Set;

/** ena: {@code queue_N_rx_cnt}, {@code queue_N_rx_bytes}, {@code queue_N_tx_cnt}, {@code queue_N_tx_bytes}. */
public final class EnaStatsParser implements DriverStatsParser {
    @Override
    public Set<String> drivers() {
        return Set.of("ena");
    }

    @Override
    public boolean accept(String text, int from, int to, long value, QueueCounters.Builder into) {
        if (!text.startsWith("queue_", from)) {
            return false;
        }
        int q;
        if ((q = DriverStatsParser.queueIndex(text, from, to, "queue_", "_rx_cnt")) >= 0) {
            into.put(q, QueueCounters.Builder.RX_PACKETS, value);
        } else if ((q = DriverStatsParser.queueIndex(text, from, to, "queue_", "_rx_bytes")) >= 0) {
            into.put(q, QueueCounters.Builder.RX_BYTES, value);
        } else if ((q = DriverStatsParser.queueIndex(text, from, to, "queue_", "_tx_cnt")) >= 0) {
            into.put(q, QueueCounters.Builder.TX_PACKETS, value);
        } else if ((q = DriverStatsParser.queueIndex(text, from, to, "queue_", "_tx_bytes")) >= 0) {
            into.put(q, QueueCounters.Builder.TX_BYTES, value);
        } else {
            return false;
        }
        return true;
    }
}
