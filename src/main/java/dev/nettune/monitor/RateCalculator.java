package dev.nettune.monitor;

import dev.nettune.Phrase;

/**
 * Turns consecutive snapshots into rates. A counter that went backwards (driver reload, channel
 * change, reboot) or a changed queue count is a reset: no rate is made across it (never a
 * negative one), and the next snapshot starts a fresh baseline.
 */
public final class RateCalculator {
    /** The source of rates made from interrupt counts where the NIC has no per-queue packet counters. */
    public static final String INTERRUPTS_SOURCE = "/proc/interrupts (no per-queue packet counters)";

    /** What one snapshot produced. */
    public sealed interface Outcome permits Rates, Baseline, Reset {
    }

    /** Rates over the interval that ended with this snapshot. */
    public record Rates(RateSample sample) implements Outcome {
    }

    /** The first snapshot (or the first after a gap): nothing to compare with yet. */
    public record Baseline(long timeMillis) implements Outcome {
    }

    /** The counters went backwards or the queues changed; {@code said} says which. */
    public record Reset(long timeMillis, Phrase said) implements Outcome {
        /** Why, in English ({@link #said()} in the user's language). */
        public String reason() {
            return said.toString();
        }
    }

    private CounterSnapshot previous;

    /** Forgets the baseline (after a gap in the stream: the next snapshot is a new baseline). */
    public void clear() {
        previous = null;
    }

    public Outcome next(CounterSnapshot s) {
        CounterSnapshot p = previous;
        previous = s;
        if (p == null) {
            return new Baseline(s.receivedAtMillis());
        }
        if (s.queueCount() != p.queueCount()) {
            return new Reset(s.receivedAtMillis(), Phrase.of("monitor.reset.queues",
                    "the NIC now has {0} queue(s), before {1} (channel change)", s.queueCount(), p.queueCount()));
        }
        double dt = s.uptimeSeconds() - p.uptimeSeconds();
        if (!(dt > 0)) {
            return new Reset(s.receivedAtMillis(), Double.isNaN(dt)
                    ? Phrase.of("monitor.reset.noUptime", "the host's uptime could not be read")
                    : Phrase.of("monitor.reset.reboot", "the host's uptime went backwards (reboot)"));
        }
        Phrase backwards = firstBackwards(p, s);
        if (backwards != null) {
            return new Reset(s.receivedAtMillis(), Phrase.of("monitor.reset.backwards",
                    "{0} went backwards (driver reload or counters cleared)", backwards));
        }
        int n = s.queueCount();
        double[] rxPps = new double[n];
        double[] rxBps = new double[n];
        double[] txPps = new double[n];
        double[] txBps = new double[n];
        double[] irq = new double[n];
        long[] rxDelta = new long[n];
        long[] irqDelta = new long[n];
        int cpus = s.irqCpuCount() == p.irqCpuCount() ? s.irqCpuCount() : 0;
        double[][] irqCpu = new double[n][cpus];
        for (int q = 0; q < n; q++) {
            rxDelta[q] = delta(p.rxPackets()[q], s.rxPackets()[q]);
            rxPps[q] = rate(rxDelta[q], dt);
            rxBps[q] = rate(delta(p.rxBytes()[q], s.rxBytes()[q]), dt);
            txPps[q] = rate(delta(p.txPackets()[q], s.txPackets()[q]), dt);
            txBps[q] = rate(delta(p.txBytes()[q], s.txBytes()[q]), dt);
            long[] a = p.irqByQueueAndCpu()[q];
            long[] b = s.irqByQueueAndCpu()[q];
            if (cpus > 0 && a.length == cpus && b.length == cpus) {
                long sum = 0;
                for (int c = 0; c < cpus; c++) {
                    long d = b[c] - a[c];
                    irqCpu[q][c] = d / dt;
                    sum += d;
                }
                irq[q] = sum / dt;
                irqDelta[q] = sum;
            } else {
                irq[q] = Double.NaN;
                irqDelta[q] = CounterSnapshot.UNKNOWN;
            }
        }
        double[] netRx;
        if (p.netRxPerCpu().length == s.netRxPerCpu().length) {
            netRx = new double[s.netRxPerCpu().length];
            for (int c = 0; c < netRx.length; c++) {
                netRx[c] = (s.netRxPerCpu()[c] - p.netRxPerCpu()[c]) / dt;
            }
        } else {
            netRx = new double[0];
        }
        if (rxDeltaAllUnknown(rxDelta) && irqDelta.length > 0 && irqDelta[0] != CounterSnapshot.UNKNOWN) {
            // No per-queue packet counters (virtio_net 6.9+): the interrupt counts are the best per-queue signal.
            return new Rates(new RateSample(s.receivedAtMillis(), dt, n, irq.clone(), rxBps, txPps, txBps, irq, irqCpu, netRx,
                    irqDelta, INTERRUPTS_SOURCE));
        }
        return new Rates(new RateSample(s.receivedAtMillis(), dt, n, rxPps, rxBps, txPps, txBps, irq, irqCpu, netRx, rxDelta,
                s.source()));
    }

    private static boolean rxDeltaAllUnknown(long[] d) {
        for (long v : d) {
            if (v != CounterSnapshot.UNKNOWN) {
                return false;
            }
        }
        return d.length > 0;
    }

    private static long delta(long before, long after) {
        return before < 0 || after < 0 ? CounterSnapshot.UNKNOWN : after - before;
    }

    private static double rate(long delta, double dt) {
        return delta < 0 ? Double.NaN : delta / dt;
    }

    private static Phrase firstBackwards(CounterSnapshot p, CounterSnapshot s) {
        for (int q = 0; q < s.queueCount(); q++) {
            if (back(p.rxPackets()[q], s.rxPackets()[q])) {
                return Phrase.of("monitor.reset.rxPackets", "rx packets of queue {0}", q);
            }
            if (back(p.rxBytes()[q], s.rxBytes()[q])) {
                return Phrase.of("monitor.reset.rxBytes", "rx bytes of queue {0}", q);
            }
            if (back(p.txPackets()[q], s.txPackets()[q])) {
                return Phrase.of("monitor.reset.txPackets", "tx packets of queue {0}", q);
            }
            if (back(p.txBytes()[q], s.txBytes()[q])) {
                return Phrase.of("monitor.reset.txBytes", "tx bytes of queue {0}", q);
            }
            long[] a = p.irqByQueueAndCpu()[q];
            long[] b = s.irqByQueueAndCpu()[q];
            if (a.length == b.length) {
                for (int c = 0; c < a.length; c++) {
                    if (b[c] < a[c]) {
                        return Phrase.of("monitor.reset.interrupts", "interrupts of queue {0} on CPU {1}", q, c);
                    }
                }
            }
        }
        if (back(p.nicRxPackets(), s.nicRxPackets())) {
            return Phrase.of("monitor.reset.nicRxPackets", "the NIC's rx_packets");
        }
        return null;
    }

    private static boolean back(long before, long after) {
        return before >= 0 && after >= 0 && after < before;
    }
}
