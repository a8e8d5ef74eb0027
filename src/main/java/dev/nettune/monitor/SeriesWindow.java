package dev.nettune.monitor;

import java.util.Arrays;

/**
 * A fixed-size ring of rows (a time plus one float per series), the newest overwriting the oldest,
 * so memory stays flat however long monitoring runs. A gap is a row of NaN: charts break the
 * line there. Not thread-safe: one writer; readers copy under the owner's lock.
 */
public final class SeriesWindow {
    private final int capacity;
    private final int seriesCount;
    private final long[] times;
    private final float[][] values;
    private int head;
    private int size;

    public SeriesWindow(int capacity, int seriesCount) {
        if (capacity < 2) {
            throw new IllegalArgumentException("A window holds at least 2 points, not " + capacity + ".");
        }
        if (seriesCount < 0) {
            throw new IllegalArgumentException("seriesCount " + seriesCount + " is negative");
        }
        this.capacity = capacity;
        this.seriesCount = seriesCount;
        this.times = new long[capacity];
        this.values = new float[seriesCount][capacity];
    }

    /** Appends one row; {@code row} has one value per series (NaN for unknown). */
    public void append(long timeMillis, double[] row) {
        int i = slot();
        times[i] = timeMillis;
        for (int s = 0; s < seriesCount; s++) {
            values[s][i] = s < row.length ? (float) row[s] : Float.NaN;
        }
    }

    /** Appends a gap marker: every series NaN at this time. */
    public void appendGap(long timeMillis) {
        int i = slot();
        times[i] = timeMillis;
        for (int s = 0; s < seriesCount; s++) {
            values[s][i] = Float.NaN;
        }
    }

    private int slot() {
        int i = (head + size) % capacity;
        if (size < capacity) {
            size++;
        } else {
            head = (head + 1) % capacity;
        }
        return i;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public int seriesCount() {
        return seriesCount;
    }

    /** The time of the i-th oldest row. */
    public long time(int i) {
        return times[(head + i) % capacity];
    }

    /** The value of series {@code s} in the i-th oldest row. */
    public float value(int s, int i) {
        return values[s][(head + i) % capacity];
    }

    /** The backing column of series s, indexed physically (see {@link #physical}); for tight read loops. */
    float[] column(int s) {
        return values[s];
    }

    /** Where the i-th oldest row lives in the columns. */
    int physical(int i) {
        int p = head + i;
        return p >= capacity ? p - capacity : p;
    }

    /** The newest row's value of series s, or NaN when empty. */
    public float latest(int s) {
        return size == 0 ? Float.NaN : value(s, size - 1);
    }

    /** The first row index whose time is at or after {@code fromMillis} (binary search; times ascend). */
    public int indexAtOrAfter(long fromMillis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) < fromMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public void clear() {
        head = 0;
        size = 0;
        Arrays.fill(times, 0);
    }
}
