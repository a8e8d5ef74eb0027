package dev.nettune.linux;

import java.util.Set;

/** i40e, iavf: {@code rx-N.packets}, {@code rx-N.bytes}, {@code tx-N.packets}, {@code tx-N.bytes} (older: {@code rx-N.rx_packets}). */
public final class I40eStatsParser implements DriverStatsParser {
    @Override
    public Set<String> drivers() {
        return Set.of("i40e", "iavf");
    }

    @Override
    public boolean accept(String text, int from, int to, long value, QueueCounters.Builder into) {
        if (to - from < 5 || text.charAt(from + 2) != '-') {
            return false;
        }
        boolean rx = text.startsWith("rx-", from);
        if (!rx && !text.startsWith("tx-", from)) {
            return false;
        }
        String p = rx ? "rx-" : "tx-";
        int q = DriverStatsParser.queueIndex(text, from, to, p, ".packets");
        if (q < 0) {
            q = DriverStatsParser.queueIndex(text, from, to, p, rx ? ".rx_packets" : ".tx_packets");
        }
        if (q >= 0) {
            into.put(q, rx ? QueueCounters.Builder.RX_PACKETS : QueueCounters.Builder.TX_PACKETS, value);
            return true;
        }
        q = DriverStatsParser.queueIndex(text, from, to, p, ".bytes");
        if (q < 0) {
            q = DriverStatsParser.queueIndex(text, from, to, p, rx ? ".rx_bytes" : ".tx_bytes");
        }
        if (q >= 0) {
            into.put(q, rx ? QueueCounters.Builder.RX_BYTES : QueueCounters.Builder.TX_BYTES, value);
            return true;
        }
        return false;
    }
}
