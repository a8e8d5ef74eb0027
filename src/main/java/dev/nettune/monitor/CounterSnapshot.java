package dev.nettune.monitor;

import java.util.Objects;

/**
 * All counters of one NIC at one moment, as cumulative totals: per queue rx/tx packets and bytes
 * ({@link #UNKNOWN} where the driver does not report them), per queue interrupts split by CPU,
 * per CPU NET_RX softirqs, and the NIC's totals. {@code source} says where the per-queue packet
 * numbers come from (for example "ethtool -S rx_queue_N_packets" or "/proc/interrupts").
 * Arrays are owned by the snapshot once constructed; callers must not change them.
 */
public record CounterSnapshot(
        double uptimeSeconds,
        long receivedAtMillis,
        int queueCount,
        long[] rxPackets,
        long[] rxBytes,
        long[] txPackets,
        long[] txBytes,
        long[][] irqByQueueAndCpu,
        long[] netRxPerCpu,
        long nicRxPackets,
        long nicTxPackets,
        String source) {

    /** A counter the host does not report. */
    public static final long UNKNOWN = -1;

    public CounterSnapshot {
        Objects.requireNonNull(source, "source");
        if (queueCount < 0) {
            throw new IllegalArgumentException("queueCount " + queueCount + " is negative");
        }
        check("rxPackets", rxPackets, queueCount);
        check("rxBytes", rxBytes, queueCount);
        check("txPackets", txPackets, queueCount);
        check("txBytes", txBytes, queueCount);
        if (irqByQueueAndCpu.length != queueCount) {
            throw new IllegalArgumentException("irqByQueueAndCpu has " + irqByQueueAndCpu.length + " rows for " + queueCount + " queues");
        }
        Objects.requireNonNull(netRxPerCpu, "netRxPerCpu");
    }

    private static void check(String name, long[] a, int n) {
        if (a.length != n) {
            throw new IllegalArgumentException(name + " has " + a.length + " entries for " + n + " queues");
        }
    }

    /** CPUs the interrupt matrix covers (0 when no queue interrupt was found). */
    public int irqCpuCount() {
        return irqByQueueAndCpu.length == 0 ? 0 : irqByQueueAndCpu[0].length;
    }

    /** The queue's interrupts summed over all CPUs, or {@link #UNKNOWN}. */
    public long irqTotal(int queue) {
        long[] row = irqByQueueAndCpu[queue];
        if (row.length == 0) {
            return UNKNOWN;
        }
        long s = 0;
        for (long v : row) {
            s += v;
        }
        return s;
    }
}
