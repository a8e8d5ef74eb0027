package dev.nettune.sandbox;

import dev.nettune.linux.Channels;
import dev.nettune.linux.CpuSet;
import dev.nettune.linux.DriverInfo;
import dev.nettune.linux.FlowType;
import dev.nettune.linux.HashField;
import dev.nettune.linux.RxFlowHash;
import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One simulated virtio-net NIC of the {@link SandboxInstance}: its channels, RSS key and table, XPS
 * masks, per-queue counters and interrupts. Not thread-safe on its own: the instance guards it.
 */
final class SandboxNic {
    static final int TABLE_SIZE = IndirectionTable.ENI_SIZE;

    final String name;
    final String mac;
    final int ifindex;
    final int virtioIndex;
    final String busInfo;
    final int maxQueues;
    final boolean customRss;
    final int firstIrq;
    int mtu = 1500;
    boolean up = true;
    int queues;
    RssKey key;
    IndirectionTable table;
    /** Whether the table was set by ethtool -X (not the driver default): then ethtool -L may not go below it. */
    boolean tableCustom;
    /** The rig's lesson: after boot the device may not hash with what ethtool -x shows until the first ethtool -X. */
    boolean rssActive = true;
    final Map<FlowType, RxFlowHash> flowHash = new EnumMap<>(FlowType.class);
    CpuSet[] xps;
    long[] rxPackets;
    long[] rxBytes;
    long[] txPackets;
    long[] txBytes;
    long[] rxInterrupts;
    long[] txInterrupts;
    private ToeplitzHash hasher;
    private ToeplitzHash staleHasher;
    private ToeplitzHash shiftedHasher;

    SandboxNic(String name, String mac, int ifindex, int virtioIndex, String busInfo, int queues, int maxQueues,
               boolean customRss, int firstIrq, RssKey key) {
        if (queues < 1 || queues > 64 || queues > maxQueues) {
            throw new IllegalArgumentException("A sandbox NIC has 1 to 64 queues (at most its maximum " + maxQueues
                    + "); got " + queues + ".");
        }
        this.name = name;
        this.mac = mac;
        this.ifindex = ifindex;
        this.virtioIndex = virtioIndex;
        this.busInfo = busInfo;
        this.maxQueues = maxQueues;
        this.customRss = customRss;
        this.firstIrq = firstIrq;
        this.queues = queues;
        this.key = key;
        this.table = IndirectionTable.defaultFor(TABLE_SIZE, queues);
        for (FlowType t : FlowType.values()) {
            flowHash.put(t, new RxFlowHash(t, EnumSet.of(HashField.IP_SA, HashField.IP_DA, HashField.L4_SRC, HashField.L4_DST)));
        }
        xps = new CpuSet[maxQueues];
        rxPackets = new long[maxQueues];
        rxBytes = new long[maxQueues];
        txPackets = new long[maxQueues];
        txBytes = new long[maxQueues];
        rxInterrupts = new long[maxQueues];
        txInterrupts = new long[maxQueues];
        for (int q = 0; q < maxQueues; q++) {
            xps[q] = CpuSet.empty();
        }
    }

    DriverInfo driverInfo() {
        return new DriverInfo("virtio_net", "1.0.0", "", busInfo);
    }

    Channels channels() {
        return Channels.combined(maxQueues, queues);
    }

    String virtioName() {
        return "virtio" + virtioIndex;
    }

    int irqOfInput(int q) {
        return firstIrq + 1 + 2 * q;
    }

    int irqOfOutput(int q) {
        return firstIrq + 2 + 2 * q;
    }

    int configIrq() {
        return firstIrq;
    }

    ToeplitzHash hasher() {
        if (hasher == null || !hasher.key().equals(key)) {
            hasher = new ToeplitzHash(key);
        }
        return hasher;
    }

    /**
     * The queue a flow lands in now. Without custom RSS the fixed VPC policy cannot be seen (a stable
     * spread); with it, the device hashes with its key and table, unless a fault says otherwise: RSS
     * not active yet ({@link SandboxFaults.InactiveSteering}) or the key shifted by one byte. A table
     * that still names rings the NIC no longer has (after {@code -X default} and a smaller {@code -L})
     * is what {@code ethtool -x} shows; an active device spreads over the default table instead.
     */
    int queueOf(Flow flow, RssKey staleKey, SandboxFaults faults) {
        if (!customRss || queues == 1) {
            return customRss ? 0 : Math.floorMod(flow.hashCode(), queues);
        }
        if (!rssActive) {
            return switch (faults.inactiveSteering()) {
                case QUEUE_ZERO -> 0;
                case DEFAULT_TABLE -> IndirectionTable.defaultFor(TABLE_SIZE, queues).queueOf(hasher().hash(flow));
                case ANOTHER_KEY -> IndirectionTable.defaultFor(TABLE_SIZE, queues).queueOf(staleHasher(staleKey).hash(flow));
            };
        }
        IndirectionTable used = table.highestQueue() < queues ? table : IndirectionTable.defaultFor(TABLE_SIZE, queues);
        if (faults.keyShiftedByOneByte()) {
            return used.queueOf(shiftedHasher().hash(flow));
        }
        return used.queueOf(hasher().hash(flow));
    }

    /**
     * The hash the device computed for a flow, as a driver that passes it up would report it; empty when the device
     * steers without an RSS hash (no custom RSS, one queue, or RSS inactive and everything on queue 0).
     */
    java.util.OptionalLong deviceHash(Flow flow, RssKey staleKey, SandboxFaults faults) {
        if (!customRss || queues == 1) {
            return java.util.OptionalLong.empty();
        }
        int h;
        if (!rssActive) {
            switch (faults.inactiveSteering()) {
                case QUEUE_ZERO -> {
                    return java.util.OptionalLong.empty();
                }
                case DEFAULT_TABLE -> h = hasher().hash(flow);
                default -> h = staleHasher(staleKey).hash(flow);
            }
        } else {
            h = faults.keyShiftedByOneByte() ? shiftedHasher().hash(flow) : hasher().hash(flow);
        }
        return java.util.OptionalLong.of(h & 0xffffffffL);
    }

    private ToeplitzHash staleHasher(RssKey staleKey) {
        if (staleHasher == null || !staleHasher.key().equals(staleKey)) {
            staleHasher = new ToeplitzHash(staleKey);
        }
        return staleHasher;
    }

    /** The rig's 6.12 lesson: the device hashes with 00 + the first 39 bytes of the key it shows. */
    private ToeplitzHash shiftedHasher() {
        byte[] k = key.bytes();
        byte[] shifted = new byte[k.length];
        System.arraycopy(k, 0, shifted, 1, k.length - 1);
        RssKey s = RssKey.of(shifted);
        if (shiftedHasher == null || !shiftedHasher.key().equals(s)) {
            shiftedHasher = new ToeplitzHash(s);
        }
        return shiftedHasher;
    }

    void receive(int queue, long packets, long bytes) {
        rxPackets[queue] += packets;
        rxBytes[queue] += bytes;
        rxInterrupts[queue] += packets;
    }

    /**
     * ethtool -L: fewer or more combined channels. virtio_net keeps its indirection table as it is (the
     * rig's 6.1 guest shows the old 4-ring table under "2 RX ring(s)" after {@code -X default} and
     * {@code -L 2}); the caller decides whether the device's RSS stays on.
     */
    void setQueues(int n) {
        queues = n;
        table = table.highestQueue() < n ? table.withRingCount(n) : IndirectionTable.of(table.entries());
    }

    /** ethtool -S of virtio_net on 5.10: every RX queue's counters, then every TX queue's. */
    String statistics() {
        StringBuilder sb = new StringBuilder("NIC statistics:\n");
        for (int q = 0; q < queues; q++) {
            sb.append("     rx_queue_").append(q).append("_packets: ").append(rxPackets[q]).append('\n');
            sb.append("     rx_queue_").append(q).append("_bytes: ").append(rxBytes[q]).append('\n');
            sb.append("     rx_queue_").append(q).append("_drops: 0\n");
            sb.append("     rx_queue_").append(q).append("_xdp_packets: 0\n");
            sb.append("     rx_queue_").append(q).append("_xdp_tx: 0\n");
            sb.append("     rx_queue_").append(q).append("_xdp_redirects: 0\n");
            sb.append("     rx_queue_").append(q).append("_xdp_drops: 0\n");
            sb.append("     rx_queue_").append(q).append("_kicks: ").append(rxPackets[q] / 64 + 1).append('\n');
        }
        for (int q = 0; q < queues; q++) {
            sb.append("     tx_queue_").append(q).append("_packets: ").append(txPackets[q]).append('\n');
            sb.append("     tx_queue_").append(q).append("_bytes: ").append(txBytes[q]).append('\n');
            sb.append("     tx_queue_").append(q).append("_xdp_tx: 0\n");
            sb.append("     tx_queue_").append(q).append("_xdp_tx_drops: 0\n");
            sb.append("     tx_queue_").append(q).append("_kicks: ").append(txPackets[q]).append('\n');
        }
        return sb.toString();
    }

    OptionalInt ringCount() {
        return OptionalInt.of(queues);
    }
}
