package dev.nettune.monitor;

import dev.nettune.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two recordings side by side (before and after a tuning change): each queue's mean rx rate and
 * share in both, and the imbalance figures of both, with a one-line summary.
 */
public record RecordingComparison(Recording before, Recording after, List<QueueLine> queues, Imbalance imbalanceBefore,
        Imbalance imbalanceAfter, double totalBefore, double totalAfter, Phrase said) {

    /** The one-line summary in English ({@link #said()} in the user's language). */
    public String summary() {
        return said.toString();
    }

    /** One queue in both recordings (NaN where a recording lacks the queue). */
    public record QueueLine(int queue, double meanBefore, double meanAfter, double shareBefore, double shareAfter) {
    }

    public static RecordingComparison of(RecordedSeries before, RecordedSeries after) {
        double[] a = meanRxPps(before);
        double[] b = meanRxPps(after);
        int n = Math.max(a.length, b.length);
        double ta = sum(a);
        double tb = sum(b);
        List<QueueLine> lines = new ArrayList<>(n);
        for (int q = 0; q < n; q++) {
            double ma = q < a.length ? a[q] : Double.NaN;
            double mb = q < b.length ? b[q] : Double.NaN;
            lines.add(new QueueLine(q, ma, mb, ta > 0 ? ma / ta : Double.NaN, tb > 0 ? mb / tb : Double.NaN));
        }
        Imbalance ia = Imbalance.of(a);
        Imbalance ib = Imbalance.of(b);
        Phrase summary = Phrase.of("monitor.comparison.summary",
                "Busiest queue / mean: {0} before, {1} after; coefficient of variation {2} before, {3} after ({4}). "
                        + "Total {5} pkt/s before, {6} after.",
                two(ia.maxOverMean()), two(ib.maxOverMean()), two(ia.coefficientOfVariation()), two(ib.coefficientOfVariation()),
                better(ia, ib), String.format(Locale.ROOT, "%.0f", ta), String.format(Locale.ROOT, "%.0f", tb));
        return new RecordingComparison(before.recording(), after.recording(), lines, ia, ib, ta, tb, summary);
    }

    private static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static Phrase better(Imbalance a, Imbalance b) {
        if (Double.isNaN(a.coefficientOfVariation()) || Double.isNaN(b.coefficientOfVariation())) {
            return Phrase.of("monitor.comparison.noTraffic", "no traffic to compare");
        }
        double d = b.coefficientOfVariation() - a.coefficientOfVariation();
        if (Math.abs(d) < 0.05) {
            return Phrase.of("monitor.comparison.asEven", "about as even");
        }
        return d < 0 ? Phrase.of("monitor.comparison.moreEven", "more even after") : Phrase.of("monitor.comparison.lessEven", "less even after");
    }

    /** Mean rx packets/s per queue over the recording's samples (gaps left out). */
    static double[] meanRxPps(RecordedSeries s) {
        int n = s.recording().queueCount();
        for (RateSample r : s.samples()) {
            n = Math.max(n, r.queueCount());
        }
        double[] sum = new double[n];
        int[] count = new int[n];
        for (RateSample r : s.samples()) {
            for (int q = 0; q < r.queueCount(); q++) {
                double v = r.rxPps()[q];
                if (!Double.isNaN(v)) {
                    sum[q] += v;
                    count[q]++;
                }
            }
        }
        double[] mean = new double[n];
        for (int q = 0; q < n; q++) {
            mean[q] = count[q] == 0 ? Double.NaN : sum[q] / count[q];
        }
        return mean;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                s += v;
            }
        }
        return s;
    }
}
