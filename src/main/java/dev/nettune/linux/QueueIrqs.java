package dev.nettune.linux;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds a NIC's per-queue interrupts in {@code /proc/interrupts} by the names each driver gives them:
 * virtio {@code virtioN-input.Q}/{@code virtioN-output.Q} (N from the NIC's {@code device} link),
 * mlx5 {@code mlx5_compQ@pci:BUS}, ena {@code NIC-Tx-Rx-Q}, ixgbe {@code NIC-TxRx-Q},
 * i40e/ice {@code DRIVER-NIC-TxRx-Q}.
 */
public final class QueueIrqs {
    private QueueIrqs() {
    }

    /**
     * @param driver       as {@code ethtool -i} names it
     * @param nic          the interface name
     * @param busInfo      {@code bus-info} from {@code ethtool -i} (for mlx5)
     * @param virtioDevice the basename of {@code readlink /sys/class/net/NIC/device}, e.g. {@code virtio2} (for virtio)
     */
    public static List<QueueIrq> find(ProcInterrupts interrupts, String driver, String nic, String busInfo,
                                      Optional<String> virtioDevice) {
        List<QueueIrq> found = new ArrayList<>();
        for (ProcInterrupts.Line l : interrupts.lines()) {
            String name = l.name();
            QueueIrq q = null;
            if (driver.equals("virtio_net") && virtioDevice.isPresent()) {
                String dev = virtioDevice.get();
                int i = DriverStatsParser.queueIndex(name, dev + "-input.", "");
                if (i >= 0) {
                    q = new QueueIrq(QueueIrq.Direction.RX, i, l.irq(), name, l.total(), Optional.empty());
                } else if ((i = DriverStatsParser.queueIndex(name, dev + "-output.", "")) >= 0) {
                    q = new QueueIrq(QueueIrq.Direction.TX, i, l.irq(), name, l.total(), Optional.empty());
                }
            } else if (driver.equals("mlx5_core")) {
                int i = DriverStatsParser.queueIndex(name, "mlx5_comp", "@pci:" + busInfo);
                if (i >= 0) {
                    q = new QueueIrq(QueueIrq.Direction.RXTX, i, l.irq(), name, l.total(), Optional.empty());
                }
            } else {
                int i = DriverStatsParser.queueIndex(name, nic + "-Tx-Rx-", "");
                if (i < 0) {
                    i = DriverStatsParser.queueIndex(name, nic + "-TxRx-", "");
                }
                if (i < 0) {
                    i = DriverStatsParser.queueIndex(name, driver + "-" + nic + "-TxRx-", "");
                }
                if (i >= 0) {
                    q = new QueueIrq(QueueIrq.Direction.RXTX, i, l.irq(), name, l.total(), Optional.empty());
                }
            }
            if (q != null) {
                found.add(q);
            }
        }
        found.sort(Comparator.comparing(QueueIrq::direction).thenComparingInt(QueueIrq::queue));
        return found;
    }

    /** Interrupt counts of the receive queues as counters, labelled {@link CounterSource#PROC_INTERRUPTS}. */
    public static QueueCounters asCounters(List<QueueIrq> irqs) {
        QueueCounters.Builder b = new QueueCounters.Builder();
        for (QueueIrq q : irqs) {
            if (q.servesRx()) {
                b.put(q.queue(), QueueCounters.Builder.RX_PACKETS, q.count());
            } else {
                b.put(q.queue(), QueueCounters.Builder.TX_PACKETS, q.count());
            }
        }
        return b.build(CounterSource.PROC_INTERRUPTS, java.util.OptionalLong.empty(), java.util.OptionalLong.empty(),
                dev.nettune.Phrase.of("linux.counters.interrupts", "interrupt counts, not packets: one interrupt may carry many packets (NAPI)"));
    }
}
