package dev.nettune.monitor;

/**
 * How unevenly the queues carry load: the busiest queue against the mean (1.0 is perfect), and
 * the coefficient of variation (standard deviation / mean; 0 is perfect). Unknown (NaN) queues
 * are left out.
 */
public record Imbalance(int queues, double mean, double max, int busiestQueue, double maxOverMean,
        double coefficientOfVariation) {

    public static Imbalance of(double[] perQueue) {
        int n = 0;
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        int busiest = -1;
        for (int q = 0; q < perQueue.length; q++) {
            double v = perQueue[q];
            if (Double.isNaN(v)) {
                continue;
            }
            n++;
            sum += v;
            if (v > max) {
                max = v;
                busiest = q;
            }
        }
        if (n == 0) {
            return new Imbalance(0, Double.NaN, Double.NaN, -1, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double var = 0;
        for (double v : perQueue) {
            if (!Double.isNaN(v)) {
                var += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(var / n);
        boolean idle = mean == 0;
        return new Imbalance(n, mean, max, busiest, idle ? Double.NaN : max / mean, idle ? Double.NaN : sd / mean);
    }

    /** True when there was no traffic at all (ratios undefined). */
    public boolean idle() {
        return queues > 0 && mean == 0;
    }
}
