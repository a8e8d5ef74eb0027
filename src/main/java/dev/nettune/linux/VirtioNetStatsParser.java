package dev.nettune.linux;

import java.util.Set;

/**
 * virtio_net up to kernel 6.9: {@code rx_queue_N_packets}, {@code rx_queue_N_bytes}, {@code tx_queue_N_...}.
 * From 6.10 on the driver prints {@code rxN_drops}/{@code rxN_kicks} and no per-queue packets; then this
 * parser finds nothing and the caller falls back to netdev qstats or /proc/interrupts.
 */
public final class VirtioNetStatsParser implements DriverStatsParser {
    @Override
    public Set<String> drivers() {
        return Set.of("virtio_net");
    }

    @Override
    public boolean accept(String text, int from, int to, long value, QueueCounters.Builder into) {
        return IntelQueueStatsParser.acceptQueueUnderscore(text, from, to, value, into);
    }
}
