package dev.nettune.monitor;

import dev.nettune.linux.CounterSource;
import dev.nettune.linux.EthtoolStatsParser;
import dev.nettune.linux.LinuxParseException;
import dev.nettune.linux.ProcInterrupts;
import dev.nettune.linux.QueueCount;
import dev.nettune.linux.QueueCounters;
import dev.nettune.linux.QueueIrq;
import dev.nettune.linux.QueueIrqs;
import java.util.List;

/**
 * Turns a sampler frame into a {@link CounterSnapshot} with the linux parsers, driver-aware:
 * per-queue packets and bytes from {@code ethtool -S} where the driver has them, per queue and
 * CPU interrupts from {@code /proc/interrupts}, NET_RX per CPU from {@code /proc/softirqs}.
 */
public final class SnapshotParser {
    private final NicIdentity nic;

    public SnapshotParser(NicIdentity nic) {
        this.nic = nic;
    }

    public CounterSnapshot parse(SampleFrame f) {
        QueueCounters counters = counters(f.ethtool());
        List<QueueIrq> irqs = irqs(f.interrupts());
        ProcInterrupts interrupts = lastInterrupts;
        int queues = 0;
        for (QueueCount c : counters.rx()) {
            queues = Math.max(queues, c.queue() + 1);
        }
        for (QueueCount c : counters.tx()) {
            queues = Math.max(queues, c.queue() + 1);
        }
        boolean perQueue = queues > 0;
        if (!perQueue) {
            for (QueueIrq q : irqs) {
                if (q.servesRx()) {
                    queues = Math.max(queues, q.queue() + 1);
                }
            }
        }
        long[] stats = statistics(f.statistics());
        if (queues == 0 && stats[0] >= 0) {
            // Neither per-queue counters nor queue interrupts: the NIC's totals, shown as one series.
            long[][] none = {new long[0]};
            return new CounterSnapshot(f.uptimeSeconds(), f.receivedAtMillis(), 1, new long[] {stats[0]}, new long[] {stats[2]},
                    new long[] {stats[1]}, new long[] {stats[3]}, none, netRx(f.softirqs()), stats[0], stats[1],
                    CounterSource.TOTALS_ONLY.label());
        }
        long[] rxP = unknown(queues);
        long[] rxB = unknown(queues);
        long[] txP = unknown(queues);
        long[] txB = unknown(queues);
        for (QueueCount c : counters.rx()) {
            rxP[c.queue()] = c.packets();
            rxB[c.queue()] = c.bytes().orElse(CounterSnapshot.UNKNOWN);
        }
        for (QueueCount c : counters.tx()) {
            txP[c.queue()] = c.packets();
            txB[c.queue()] = c.bytes().orElse(CounterSnapshot.UNKNOWN);
        }
        int cpus = interrupts == null ? 0 : interrupts.cpuColumns();
        long[][] irq = new long[queues][];
        for (int q = 0; q < queues; q++) {
            irq[q] = irqs.isEmpty() ? new long[0] : new long[cpus];
        }
        if (interrupts != null) {
            for (QueueIrq q : irqs) {
                if (!q.servesRx() || q.queue() >= queues) {
                    continue;
                }
                for (ProcInterrupts.Line l : interrupts.lines()) {
                    if (l.irq() == q.irq()) {
                        long[] per = l.perCpu();
                        for (int c = 0; c < Math.min(cpus, per.length); c++) {
                            irq[q.queue()][c] += per[c];
                        }
                        break;
                    }
                }
            }
        }
        String source = perQueue ? CounterSource.ETHTOOL_STATS.label() : CounterSource.PROC_INTERRUPTS.label();
        return new CounterSnapshot(f.uptimeSeconds(), f.receivedAtMillis(), queues, rxP, rxB, txP, txB, irq, netRx(f.softirqs()),
                stats[0], stats[1], source);
    }

    private ProcInterrupts lastInterrupts;

    private QueueCounters counters(String ethtool) {
        try {
            return EthtoolStatsParser.parse(nic.driver(), ethtool);
        } catch (LinuxParseException e) {
            return QueueCounters.totalsOnly(java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), dev.nettune.Phrase.from(e));
        }
    }

    private List<QueueIrq> irqs(String text) {
        try {
            lastInterrupts = ProcInterrupts.parse(text);
            return QueueIrqs.find(lastInterrupts, nic.driver(), nic.nic(), nic.busInfo(), nic.virtioDevice());
        } catch (LinuxParseException e) {
            lastInterrupts = null;
            return List.of();
        }
    }

    private static long[] unknown(int n) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, CounterSnapshot.UNKNOWN);
        return a;
    }

    /** rx_packets, tx_packets, rx_bytes, tx_bytes from the sysfs statistics section ({@code name:value} lines). */
    static long[] statistics(String text) {
        long[] out = {CounterSnapshot.UNKNOWN, CounterSnapshot.UNKNOWN, CounterSnapshot.UNKNOWN, CounterSnapshot.UNKNOWN};
        for (String line : text.split("\n")) {
            int c = line.indexOf(':');
            if (c <= 0) {
                continue;
            }
            String name = line.substring(0, c);
            int slot = switch (name) {
                case "rx_packets" -> 0;
                case "tx_packets" -> 1;
                case "rx_bytes" -> 2;
                case "tx_bytes" -> 3;
                default -> -1;
            };
            if (slot >= 0) {
                try {
                    out[slot] = Long.parseLong(line.substring(c + 1).strip());
                } catch (NumberFormatException e) {
                    // leave unknown
                }
            }
        }
        return out;
    }

    /** NET_RX per CPU from the header and NET_RX lines of /proc/softirqs (empty if absent). */
    static long[] netRx(String text) {
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("NET_RX:")) {
                String[] parts = t.substring(7).strip().split("\\s+");
                long[] out = new long[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        out[i] = Long.parseLong(parts[i]);
                    } catch (NumberFormatException e) {
                        return new long[0];
                    }
                }
                return out;
            }
        }
        return new long[0];
    }
}
