package dev.nettune.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The recent rates of one NIC, per queue and metric, in bounded rings sized for the window
 * (default one hour) at the sampling interval; plus NET_RX softirqs per CPU. A queue-count change
 * starts the rings afresh. Thread-safe: the sampler thread writes, the chart thread reads frames.
 */
public final class QueueHistory {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private final int capacity;
    private final Map<QueueMetric, SeriesWindow> windows = new EnumMap<>(QueueMetric.class);
    private SeriesWindow netRx;
    private int queueCount = -1;
    private RateSample latest;
    private final List<String> notes = new ArrayList<>();

    public QueueHistory(Duration window, SamplingInterval interval) {
        long points = window.toMillis() / interval.millis() + 1;
        if (window.isNegative() || window.isZero() || points > 200_000) {
            throw new IllegalArgumentException("A window of " + window.toSeconds() + " s at " + interval.sleepArgument()
                    + " s holds " + points + " points: keep the window between one interval and 200000 points "
                    + "(a day at 0.5 s).");
        }
        this.capacity = (int) Math.max(points, 2);
    }

    public int capacity() {
        return capacity;
    }

    public synchronized void add(RateSample s) {
        if (s.queueCount() != queueCount) {
            if (queueCount >= 0) {
                notes.add("The NIC went from " + queueCount + " to " + s.queueCount() + " queues; history restarted.");
            }
            queueCount = s.queueCount();
            windows.clear();
            for (QueueMetric m : QueueMetric.values()) {
                windows.put(m, new SeriesWindow(capacity, queueCount));
            }
            netRx = null;
        }
        for (QueueMetric m : QueueMetric.values()) {
            windows.get(m).append(s.timeMillis(), m.of(s));
        }
        if (netRx == null || netRx.seriesCount() != s.netRxPerCpu().length) {
            netRx = new SeriesWindow(capacity, s.netRxPerCpu().length);
        }
        netRx.append(s.timeMillis(), s.netRxPerCpu());
        latest = s;
    }

    /** A break in the lines: the stream was cut or the counters reset. */
    public synchronized void addGap(long timeMillis) {
        for (SeriesWindow w : windows.values()) {
            w.appendGap(timeMillis);
        }
        if (netRx != null) {
            netRx.appendGap(timeMillis);
        }
    }

    public synchronized int queueCount() {
        return Math.max(queueCount, 0);
    }

    public synchronized RateSample latest() {
        return latest;
    }

    /** Rows held for one metric (including gap rows). */
    public synchronized int size() {
        SeriesWindow w = windows.get(QueueMetric.RX_PACKETS);
        return w == null ? 0 : w.size();
    }

    /**
     * The points of {@code metric} from {@code fromMillis} on, averaged into at most
     * {@code maxPoints} buckets per queue; a bucket holding a gap is a gap.
     */
    public synchronized ChartFrame frame(QueueMetric metric, long fromMillis, int maxPoints) {
        SeriesWindow w = windows.get(metric);
        if (w == null || latest == null) {
            return ChartFrame.empty(metric);
        }
        int first = w.indexAtOrAfter(fromMillis);
        int n = w.size() - first;
        int step = Math.max(1, (n + maxPoints - 1) / Math.max(1, maxPoints));
        int points = (n + step - 1) / step;
        long[] times = new long[points];
        float[][] values = new float[queueCount][points];
        for (int p = 0; p < points; p++) {
            int from = first + p * step;
            int to = Math.min(w.size(), from + step);
            times[p] = w.time(to - 1);
        }
        int capacity = w.capacity();
        // Queue by queue over the backing column: sequential reads, no modulo per value (this runs on every redraw).
        for (int q = 0; q < queueCount; q++) {
            float[] col = w.column(q);
            float[] out = values[q];
            int phys = w.physical(first);
            for (int p = 0; p < points; p++) {
                int inBucket = Math.min(step, w.size() - (first + p * step));
                float sum = 0;
                for (int k = 0; k < inBucket; k++) {
                    sum += col[phys];
                    if (++phys == capacity) {
                        phys = 0;
                    }
                }
                // NaN (a gap) anywhere in the bucket makes the sum NaN: the gap survives decimation.
                out[p] = sum / inBucket;
            }
        }
        return new ChartFrame(metric, queueCount, times, values, latest, Imbalance.of(metric.of(latest)), List.copyOf(notes));
    }

    /**
     * The rows from {@code fromMillis} on as rate samples (rates only: packet deltas and the per-CPU
     * split are not kept in the rings). A gap row comes back with every rate NaN.
     */
    public synchronized java.util.List<RateSample> samples(long fromMillis) {
        SeriesWindow rx = windows.get(QueueMetric.RX_PACKETS);
        java.util.List<RateSample> out = new ArrayList<>();
        if (rx == null) {
            return out;
        }
        long[] unknown = new long[queueCount];
        java.util.Arrays.fill(unknown, CounterSnapshot.UNKNOWN);
        for (int i = rx.indexAtOrAfter(fromMillis); i < rx.size(); i++) {
            double[][] m = new double[QueueMetric.values().length][queueCount];
            for (QueueMetric metric : QueueMetric.values()) {
                SeriesWindow w = windows.get(metric);
                for (int q = 0; q < queueCount; q++) {
                    m[metric.ordinal()][q] = w.value(q, i);
                }
            }
            long t = rx.time(i);
            long prev = i > 0 ? rx.time(i - 1) : t;
            out.add(new RateSample(t, (t - prev) / 1000.0, queueCount, m[0], m[1], m[2], m[3], m[4], new double[queueCount][0],
                    new double[0], unknown.clone(), latest.source()));
        }
        return out;
    }
}
