package dev.nettune.monitor;

/**
 * What changed between two snapshots, per second: per queue rx/tx packets and bytes, interrupts
 * per queue and per (queue, CPU), NET_RX softirqs per CPU (NaN where unknown), plus the raw
 * packet deltas per queue (for share tests, which need counts, not rates).
 * Arrays belong to the sample; readers must not change them.
 */
public record RateSample(
        long timeMillis,
        double seconds,
        int queueCount,
        double[] rxPps,
        double[] rxBps,
        double[] txPps,
        double[] txBps,
        double[] irqPerSecond,
        double[][] irqPerSecondByCpu,
        double[] netRxPerCpu,
        long[] rxPacketDeltas,
        String source) {

    /** Received packets per second over all queues (NaN if no queue reports packets). */
    public double totalRxPps() {
        double s = 0;
        boolean any = false;
        for (double v : rxPps) {
            if (!Double.isNaN(v)) {
                s += v;
                any = true;
            }
        }
        return any ? s : Double.NaN;
    }
}
