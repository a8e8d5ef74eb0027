package dev.nettune.linux;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything NetTune reads about one NIC: driver, link, channels, RSS (key, hash function, table),
 * rx-flow-hash per flow type, per-queue counters with their source, the XPS mask of each TX queue,
 * each queue's IRQ with its affinity, and whether NetworkManager manages it. Each part is a
 * {@link Reading}: known, or unknown with the reason.
 */
public record NicState(
        String name,
        Reading<DriverInfo> driver,
        Reading<LinkInfo> link,
        Reading<Channels> channels,
        Reading<EthtoolRss> rss,
        Map<FlowType, Reading<RxFlowHash>> flowHash,
        Reading<QueueCounters> counters,
        Reading<SortedMap<Integer, Reading<CpuSet>>> xps,
        Reading<List<QueueIrq>> irqs,
        Reading<Boolean> managedByNetworkManager) {

    public NicState {
        NicName.of(name);
        flowHash = Map.copyOf(flowHash);
        xps = xps.map(m -> java.util.Collections.unmodifiableSortedMap(new TreeMap<>(m)));
    }

    /** The combined (or RX) queue count from {@code ethtool -l}, if known. */
    public Optional<Integer> queueCount() {
        return channels.asOptional().map(Channels::rxQueues);
    }

    /** True when the NIC shows a custom indirection table (ethtool -x printed one). */
    public boolean hasRssTable() {
        return rss.asOptional().map(EthtoolRss::supportsCustomTable).orElse(false);
    }
}
