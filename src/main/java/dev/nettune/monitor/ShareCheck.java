package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.rss.ChiSquare;
import dev.nettune.rss.IndirectionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each queue's share of the received packets beside the share the table gives it (its bucket
 * count / table size), with Pearson's chi-square. It fails only when the difference is both
 * significant (p below {@value #ALPHA}) and large (a queue off its expected share by more than
 * {@value #TOLERANCE} of it), or when a queue the table gives no bucket receives traffic: with
 * millions of packets chi-square alone flags differences nobody cares about. Packets of one flow
 * are not independent, so the test is meaningful for many-flow traffic (scenario 1), not for a
 * few long connections.
 */
public record ShareCheck(List<QueueShare> queues, long packets, ChiSquare test, double worstRelativeDeviation,
        Verdict verdict, Phrase said) {
    public static final double ALPHA = 0.001;
    public static final double TOLERANCE = 0.25;
    /** Chi-square needs about 5 expected packets in every queue the table uses. */
    public static final double MIN_EXPECTED = 5;

    /** One queue's line. */
    public record QueueShare(int queue, int buckets, long packets, double share, double expectedShare) {
    }

    public ShareCheck {
        queues = List.copyOf(queues);
    }

    /** The verdict's explanation in English ({@link #said()} in the user's language). */
    public String explanation() {
        return said.toString();
    }

    /** Checks packet counts per queue (index = queue; negative = unknown) against the table. */
    public static ShareCheck of(long[] packetsPerQueue, IndirectionTable table) {
        var buckets = table.bucketsPerQueue();
        int n = Math.max(packetsPerQueue.length, buckets.size());
        long total = 0;
        boolean unknown = false;
        for (long p : packetsPerQueue) {
            if (p < 0) {
                unknown = true;
            } else {
                total += p;
            }
        }
        long[] observed = new long[n];
        double[] expected = new double[n];
        List<QueueShare> lines = new ArrayList<>(n);
        double minExpected = Double.POSITIVE_INFINITY;
        double worst = 0;
        int worstQueue = -1;
        Phrase stray = null;
        for (int q = 0; q < n; q++) {
            long obs = q < packetsPerQueue.length ? Math.max(packetsPerQueue[q], 0) : 0;
            int b = buckets.getOrDefault(q, 0);
            double share = b / (double) table.size();
            observed[q] = obs;
            expected[q] = share * total;
            lines.add(new QueueShare(q, b, obs, total == 0 ? 0 : obs / (double) total, share));
            if (b > 0) {
                minExpected = Math.min(minExpected, expected[q]);
                double dev = expected[q] == 0 ? 0 : Math.abs(obs - expected[q]) / expected[q];
                if (dev > worst) {
                    worst = dev;
                    worstQueue = q;
                }
            } else if (total > 0 && obs > Math.max(0.01 * total, 5) && stray == null) {
                stray = Phrase.of("monitor.verify.simple.stray", "Queue {0} received {1} packets ({2}) although the table gives it"
                        + " no bucket: the NIC is not using this table.", q, obs, percent(obs / (double) total));
            }
        }
        ChiSquare chi = ChiSquare.test(observed, expected);
        if (unknown) {
            return new ShareCheck(lines, total, chi, worst, Verdict.INCONCLUSIVE, Phrase.of("monitor.verify.simple.sharesUnknown",
                    "This NIC does not report packets for every queue, so shares cannot be compared."));
        }
        if (stray != null) {
            return new ShareCheck(lines, total, chi, worst, Verdict.FAIL, stray);
        }
        if (total == 0 || minExpected < MIN_EXPECTED) {
            return new ShareCheck(lines, total, chi, worst, Verdict.INCONCLUSIVE, Phrase.of("monitor.verify.simple.tooFew",
                    "{0} packets are too few to judge: every queue the table uses should expect at least {1} (send at least {2}).",
                    total, String.format(Locale.ROOT, "%.0f", MIN_EXPECTED),
                    (long) Math.ceil(MIN_EXPECTED * table.size() / (double) minBuckets(buckets))));
        }
        if (chi.pValue() < ALPHA && worst > TOLERANCE) {
            return new ShareCheck(lines, total, chi, worst, Verdict.FAIL, Phrase.of("monitor.verify.simple.spreadFail",
                    "Off: queue {0} got {1} of the packets where the table gives it {2} (chi-square {3}, {4} dof, p = {5}).",
                    worstQueue, percent(lines.get(worstQueue).share()), percent(lines.get(worstQueue).expectedShare()),
                    String.format(Locale.ROOT, "%.1f", chi.statistic()), chi.degreesOfFreedom(),
                    String.format(Locale.ROOT, "%.2g", chi.pValue())));
        }
        if (chi.pValue() < ALPHA) {
            // Close to the table's shares but significantly off: never PASS beside a p-value that says otherwise.
            return new ShareCheck(lines, total, chi, worst, Verdict.INCONCLUSIVE, Phrase.of("monitor.verify.simple.significant",
                    "Every queue is within {0} of its expected share (worst: queue {1}, {2} off), but the difference is "
                            + "significant (p = {3}): the NIC may not use this table. Run the designed verification.",
                    percent(TOLERANCE), worstQueue, percent(worst), String.format(Locale.ROOT, "%.2g", chi.pValue())));
        }
        return new ShareCheck(lines, total, chi, worst, Verdict.PASS, Phrase.of("monitor.verify.simple.spreadPass",
                "As the table says: every queue within {0} of its expected share (worst: queue {1}, {2} off; p = {3}).",
                percent(TOLERANCE), worstQueue, percent(worst), String.format(Locale.ROOT, "%.2g", chi.pValue())));
    }

    private static int minBuckets(java.util.Map<Integer, Integer> buckets) {
        return buckets.values().stream().filter(b -> b > 0).mapToInt(Integer::intValue).min().orElse(1);
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
