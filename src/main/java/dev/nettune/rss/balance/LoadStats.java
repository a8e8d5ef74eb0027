package dev.nettune.rss.balance;

import java.util.Arrays;

/**
 * How evenly load spreads over a set of queues: the per-queue loads, the heaviest over the mean
 * (1.0 is perfect) and the coefficient of variation (standard deviation over mean, 0 is perfect).
 */
public record LoadStats(long[] queueLoads, int firstQueue, double maxOverMean, double coefficientOfVariation) {

    public LoadStats {
        queueLoads = queueLoads.clone();
    }

    /** The statistics of these loads of queues {@code firstQueue ..}; all-zero load counts as perfectly even. */
    public static LoadStats of(long[] queueLoads, int firstQueue) {
        int n = queueLoads.length;
        double total = 0;
        long max = 0;
        for (long l : queueLoads) {
            total += l;
            max = Math.max(max, l);
        }
        if (n == 0 || total == 0) {
            return new LoadStats(queueLoads, firstQueue, 1.0, 0.0);
        }
        double mean = total / n;
        double var = 0;
        for (long l : queueLoads) {
            var += (l - mean) * (l - mean);
        }
        return new LoadStats(queueLoads, firstQueue, max / mean, Math.sqrt(var / n) / mean);
    }

    @Override
    public long[] queueLoads() {
        return queueLoads.clone();
    }

    /** The heaviest queue's load. */
    public long max() {
        return Arrays.stream(queueLoads).max().orElse(0);
    }

    public long total() {
        return Arrays.stream(queueLoads).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadStats s && s.firstQueue == firstQueue && Arrays.equals(s.queueLoads, queueLoads);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(queueLoads) * 31 + firstQueue;
    }

    @Override
    public String toString() {
        return String.format("max/mean %.3f, CV %.3f", maxOverMean, coefficientOfVariation);
    }
}
