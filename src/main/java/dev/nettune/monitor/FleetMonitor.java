package dev.nettune.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The fleet monitor's model: one row per instance with each queue's share of the received packets (the
 * sparkline), how unbalanced the queues are, drops per second and a verdict, fed about once a second per
 * instance by that instance's sampler and read as sorted rows by a table. Memory is fixed per instance
 * (rings preallocated, nothing kept per sample), so hours of monitoring do not grow the heap. Thread-safe:
 * samplers write from their threads, the screen reads snapshots.
 */
public final class FleetMonitor {
    /** What a row says about its instance, worst first. */
    public enum Health {
        /** No sample for longer than {@link Thresholds#staleAfterMillis}: the sampler lost the host. */
        STALE,
        /** The NIC dropped packets in the last second. */
        DROPPING,
        /** The busiest queue carries more than {@link Thresholds#imbalance} times the mean. */
        IMBALANCED,
        /** Too little traffic to judge the balance. */
        IDLE,
        /** Traffic spread within the threshold and nothing dropped. */
        BALANCED,
        /** Not sampled yet. */
        WAITING
    }

    /** When a row is judged unbalanced, idle or stale. */
    public record Thresholds(double imbalance, double minPps, long staleAfterMillis) {
        public Thresholds {
            if (!(imbalance > 1) || !(minPps >= 0) || staleAfterMillis <= 0) {
                throw new IllegalArgumentException("Thresholds need imbalance > 1 (max/mean), minPps >= 0 and a positive"
                        + " stale time; got " + imbalance + ", " + minPps + ", " + staleAfterMillis + ".");
            }
        }

        /** Max/mean above 1.5 with at least 100 packets/s, and 3 missed one-second samples. */
        public static Thresholds defaults() {
            return new Thresholds(1.5, 100, 3_000);
        }

        /**
         * The defaults for instances read once every {@code period} (Cloud Assistant): stale after three missed polls,
         * plus the time one poll itself may take (a RunCommand and its result), not after three seconds.
         */
        public static Thresholds polledEvery(java.time.Duration period) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A poll period must be positive; got " + period + ".");
            }
            return new Thresholds(1.5, 100, Math.max(3_000, 3 * period.toMillis() + 10_000));
        }
    }

    /** The columns a table sorts by. */
    public enum SortKey {
        INSTANCE, HEALTH, IMBALANCE, DROPS, PPS, QUEUES
    }

    /**
     * One instance as the table shows it now. {@code shares} is each queue's fraction of the received packets
     * in the last sample (NaN where unknown); {@code imbalanceTrend} the busiest queue's max/mean over the
     * last samples, oldest first (NaN for gaps). Arrays are copies the reader owns.
     */
    public record Row(String instance, int queues, float[] shares, float[] imbalanceTrend, double pps, double maxOverMean,
                      int busiestQueue, double dropsPerSecond, Health health, dev.nettune.Phrase said, long lastSampleMillis) {
        public Row {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(health, "health");
        }

        /** Why the instance has its health, in English ({@link #said()} in the user's language). */
        public String verdict() {
            return said.toString();
        }
    }

    private final int trendPoints;
    private final Thresholds thresholds;
    private final Map<String, State> instances = new LinkedHashMap<>();

    /** A model keeping {@code trendPoints} samples of each instance's imbalance for its sparkline. */
    public FleetMonitor(int trendPoints, Thresholds thresholds) {
        if (trendPoints < 2 || trendPoints > 3600) {
            throw new IllegalArgumentException("A trend holds 2-3600 points, not " + trendPoints + ".");
        }
        this.trendPoints = trendPoints;
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /** Adds an instance before its first sample (it shows as waiting). */
    public synchronized void watch(String instance) {
        instances.computeIfAbsent(instance, i -> new State(i, trendPoints));
    }

    /** Forgets an instance. */
    public synchronized void remove(String instance) {
        instances.remove(instance);
    }

    /** The instances watched, in the order they were added. */
    public synchronized List<String> instances() {
        return List.copyOf(instances.keySet());
    }

    /**
     * One sample of an instance: its per-queue rates and the NIC's cumulative drop counter at that moment
     * ({@link CounterSnapshot#UNKNOWN} when the host does not report drops).
     */
    public synchronized void sample(String instance, RateSample sample, long cumulativeDrops) {
        instances.computeIfAbsent(instance, i -> new State(i, trendPoints)).sample(sample, cumulativeDrops);
    }

    /** The sampler lost the instance (or its counters reset) at this moment: a gap in its trend. */
    public synchronized void gap(String instance, long atMillis) {
        State s = instances.get(instance);
        if (s != null) {
            s.gap(atMillis);
        }
    }

    /** The rows as of {@code nowMillis}, sorted by {@code key} (ties by instance name). */
    public synchronized List<Row> rows(long nowMillis, SortKey key, boolean descending) {
        List<Row> out = new ArrayList<>(instances.size());
        for (State s : instances.values()) {
            out.add(s.row(nowMillis, thresholds));
        }
        Comparator<Row> c = comparator(key);
        out.sort((descending ? c.reversed() : c).thenComparing(Row::instance));
        return out;
    }

    /** How {@code key} orders rows, ascending; unknown numbers (NaN) sort as the lowest. */
    public static Comparator<Row> comparator(SortKey key) {
        return switch (key) {
            case INSTANCE -> Comparator.comparing(Row::instance);
            case HEALTH -> Comparator.comparing(Row::health);
            case IMBALANCE -> Comparator.comparingDouble(r -> known(r.maxOverMean()));
            case DROPS -> Comparator.comparingDouble(r -> known(r.dropsPerSecond()));
            case PPS -> Comparator.comparingDouble(r -> known(r.pps()));
            case QUEUES -> Comparator.comparingInt(Row::queues);
        };
    }

    private static double known(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    /** One instance's preallocated state: the latest shares and a ring of its imbalance. */
    private static final class State {
        final String instance;
        final float[] trend;
        int trendHead;
        int trendSize;
        float[] shares = new float[0];
        int queues;
        double pps = Double.NaN;
        double maxOverMean = Double.NaN;
        int busiest = -1;
        double dropsPerSecond = Double.NaN;
        long lastDrops = CounterSnapshot.UNKNOWN;
        long lastSampleMillis = Long.MIN_VALUE;
        long lastDropsMillis;

        State(String instance, int points) {
            this.instance = instance;
            this.trend = new float[points];
        }

        void sample(RateSample s, long cumulativeDrops) {
            int n = s.queueCount();
            if (shares.length != n) {
                shares = new float[n];
            }
            queues = n;
            double total = 0;
            int known = 0;
            double max = Double.NEGATIVE_INFINITY;
            int maxQueue = -1;
            double[] rx = s.rxPps();
            for (int q = 0; q < n; q++) {
                double v = rx[q];
                if (!Double.isNaN(v)) {
                    total += v;
                    known++;
                    if (v > max) {
                        max = v;
                        maxQueue = q;
                    }
                }
            }
            for (int q = 0; q < n; q++) {
                shares[q] = total > 0 && !Double.isNaN(rx[q]) ? (float) (rx[q] / total) : Float.NaN;
            }
            pps = known == 0 ? Double.NaN : total;
            busiest = total > 0 ? maxQueue : -1;
            maxOverMean = total > 0 ? max / (total / known) : Double.NaN;
            if (cumulativeDrops >= 0 && lastDrops >= 0 && cumulativeDrops >= lastDrops && s.timeMillis() > lastDropsMillis) {
                dropsPerSecond = (cumulativeDrops - lastDrops) * 1000.0 / (s.timeMillis() - lastDropsMillis);
            } else {
                // The first reading, a reset counter or a host without drop counters: no rate yet.
                dropsPerSecond = Double.NaN;
            }
            lastDrops = cumulativeDrops;
            lastDropsMillis = s.timeMillis();
            lastSampleMillis = s.timeMillis();
            push((float) maxOverMean);
        }

        void gap(long atMillis) {
            lastDrops = CounterSnapshot.UNKNOWN;
            dropsPerSecond = Double.NaN;
            push(Float.NaN);
        }

        private void push(float v) {
            int i = (trendHead + trendSize) % trend.length;
            trend[i] = v;
            if (trendSize < trend.length) {
                trendSize++;
            } else {
                trendHead = (trendHead + 1) % trend.length;
            }
        }

        Row row(long now, Thresholds t) {
            float[] tr = new float[trendSize];
            for (int i = 0; i < trendSize; i++) {
                tr[i] = trend[(trendHead + i) % trend.length];
            }
            Health h;
            dev.nettune.Phrase verdict;
            if (lastSampleMillis == Long.MIN_VALUE) {
                h = Health.WAITING;
                verdict = dev.nettune.Phrase.of("monitor.fleet.waiting", "waiting for the first sample");
            } else if (now - lastSampleMillis > t.staleAfterMillis()) {
                h = Health.STALE;
                verdict = dev.nettune.Phrase.of("monitor.fleet.stale", "no sample for {0} s", (now - lastSampleMillis) / 1000);
            } else if (dropsPerSecond > 0) {
                h = Health.DROPPING;
                verdict = dev.nettune.Phrase.of("monitor.fleet.dropping", "dropping {0} packets/s",
                        String.format(Locale.ROOT, "%.0f", dropsPerSecond));
            } else if (!(pps >= t.minPps()) || Double.isNaN(maxOverMean)) {
                h = Health.IDLE;
                verdict = dev.nettune.Phrase.of("monitor.fleet.idle", "too little traffic to judge ({0} packets/s, under {1})",
                        String.format(Locale.ROOT, "%.0f", Double.isNaN(pps) ? 0 : pps), String.format(Locale.ROOT, "%.0f", t.minPps()));
            } else if (maxOverMean > t.imbalance()) {
                h = Health.IMBALANCED;
                verdict = dev.nettune.Phrase.of("monitor.fleet.imbalanced", "queue {0} carries {1}× the mean (over {2}×)", busiest,
                        String.format(Locale.ROOT, "%.1f", maxOverMean), String.format(Locale.ROOT, "%.1f", t.imbalance()));
            } else {
                h = Health.BALANCED;
                verdict = dev.nettune.Phrase.of("monitor.fleet.balanced", "busiest queue {0}× the mean",
                        String.format(Locale.ROOT, "%.2f", maxOverMean));
            }
            return new Row(instance, queues, Arrays.copyOf(shares, queues), tr, pps, maxOverMean, busiest, dropsPerSecond,
                    h, verdict, lastSampleMillis);
        }
    }

    /**
     * The NIC's cumulative drops from its sysfs statistics as the sampler prints them ({@code name:value} lines
     * of {@code grep . *}): rx_dropped + rx_missed_errors + rx_fifo_errors, or {@link CounterSnapshot#UNKNOWN}
     * when none is there.
     */
    public static long drops(String statistics) {
        long sum = 0;
        boolean any = false;
        int start = 0;
        int len = statistics.length();
        while (start < len) {
            int end = statistics.indexOf('\n', start);
            if (end < 0) {
                end = len;
            }
            int colon = statistics.indexOf(':', start);
            if (colon > start && colon < end) {
                if (statistics.startsWith("rx_dropped:", start) || statistics.startsWith("rx_missed_errors:", start)
                        || statistics.startsWith("rx_fifo_errors:", start)) {
                    long v = parse(statistics, colon + 1, end);
                    if (v >= 0) {
                        sum += v;
                        any = true;
                    }
                }
            }
            start = end + 1;
        }
        return any ? sum : CounterSnapshot.UNKNOWN;
    }

    private static long parse(String s, int from, int to) {
        long v = 0;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
                digits = true;
            } else if (c != ' ' && c != '\r') {
                return -1;
            }
        }
        return digits ? v : -1;
    }
}
