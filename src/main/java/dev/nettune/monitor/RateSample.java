package dev.nettune.monitor;

import dev.nettune.Phrase;

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

    /** Where the counts came from, said in the user's language: the interrupts' note translated, a command as it is. */
    public Phrase sourcePhrase() {
        return phraseOf(source);
    }

    /** A counter source ({@link #source()}) as a phrase. */
    public static Phrase phraseOf(String source) {
        return RateCalculator.INTERRUPTS_SOURCE.equals(source)
                ? Phrase.of("monitor.verify.source.interrupts", "/proc/interrupts (no per-queue packet counters)")
                : Phrase.literal(source);
    }
}
