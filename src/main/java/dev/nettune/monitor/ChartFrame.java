package dev.nettune.monitor;

import java.util.List;

/**
 * Everything a chart redraw needs, computed off the UI thread: for one metric the points of each
 * queue over the visible time range (at most a few hundred per queue, NaN marking gaps), the
 * latest sample (bars, heat map) and the imbalance figures. Arrays belong to the frame.
 */
public record ChartFrame(
        QueueMetric metric,
        int queueCount,
        long[] times,
        float[][] values,
        RateSample latest,
        Imbalance imbalance,
        List<String> notes) {

    public static ChartFrame empty(QueueMetric metric) {
        return new ChartFrame(metric, 0, new long[0], new float[0][0], null, Imbalance.of(new double[0]), List.of());
    }

    public int points() {
        return times.length;
    }
}
