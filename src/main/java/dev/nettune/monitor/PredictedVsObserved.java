package dev.nettune.monitor;

import dev.nettune.rss.balance.LoadStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Each queue's share of the load as a mapping predicts it for the flows read, beside the share the
 * NIC's own per-queue counters observed, with the queues whose shares differ by more than
 * {@value #TOLERANCE} (five percentage points) flagged. A flag says the flows read do not explain
 * what the NIC received: traffic the flow listing missed (short flows, UDP without conntrack), a
 * table changed since the counters began (boot or a channel change), or a NIC that does not hash
 * as its table says (run the designed verification).
 *
 * @param queues one line per queue: the span's queues and any other queue the counters saw traffic on
 * @param observed the counters compared with, if the NIC reports them per queue
 */
public record PredictedVsObserved(List<Line> queues, Optional<QueueCounts> observed) {
    /** The largest difference of shares that is not flagged. */
    public static final double TOLERANCE = 0.05;

    /** Per-queue totals of one counter, as the NIC reports them since its counters began. */
    public record QueueCounts(long[] perQueue, String counter, String source) {
        public QueueCounts {
            perQueue = perQueue.clone();
            Objects.requireNonNull(counter, "counter");
            Objects.requireNonNull(source, "source");
            for (long v : perQueue) {
                if (v < 0) {
                    throw new IllegalArgumentException("A per-queue count is unknown (" + v + "): the NIC does not report "
                            + counter + " for every queue.");
                }
            }
        }

        @Override
        public long[] perQueue() {
            return perQueue.clone();
        }

        /**
         * The receive counter of a snapshot that matches a weight: bytes for bytes, else packets; empty
         * when the NIC does not report it for every queue.
         */
        public static Optional<QueueCounts> of(CounterSnapshot s, boolean bytes) {
            long[] c = bytes ? s.rxBytes() : s.rxPackets();
            boolean known = c.length > 0;
            for (long v : c) {
                known &= v >= 0;
            }
            if (!known && bytes) {
                return of(s, false);
            }
            return known ? Optional.of(new QueueCounts(c, c == s.rxBytes() ? "rx bytes" : "rx packets", s.source()))
                    : Optional.empty();
        }
    }

    /** One queue: the predicted share, the observed share if known, and whether they differ by more than the tolerance. */
    public record Line(int queue, double predictedShare, OptionalDouble observedShare) {
        /** Observed minus predicted (0 when nothing was observed). */
        public double difference() {
            return observedShare.isPresent() ? observedShare.getAsDouble() - predictedShare : 0;
        }

        public boolean flagged() {
            return observedShare.isPresent() && Math.abs(difference()) > TOLERANCE;
        }
    }

    public PredictedVsObserved {
        queues = List.copyOf(queues);
        Objects.requireNonNull(observed, "observed");
    }

    /** Compares a prediction (loads of queues {@code first..}) with the counters, or shows the prediction alone. */
    public static PredictedVsObserved of(LoadStats predicted, Optional<QueueCounts> observed) {
        long[] loads = predicted.queueLoads();
        int first = predicted.firstQueue();
        long[] counts = observed.map(QueueCounts::perQueue).orElse(new long[0]);
        int n = Math.max(first + loads.length, counts.length);
        long predictedTotal = predicted.total();
        long observedTotal = 0;
        for (long c : counts) {
            observedTotal += c;
        }
        List<Line> lines = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            boolean inSpan = q >= first && q < first + loads.length;
            double p = inSpan && predictedTotal > 0 ? loads[q - first] / (double) predictedTotal : 0;
            OptionalDouble o = q < counts.length && observedTotal > 0 ? OptionalDouble.of(counts[q] / (double) observedTotal)
                    : OptionalDouble.empty();
            if (inSpan || (o.isPresent() && o.getAsDouble() > 0)) {
                lines.add(new Line(q, p, o));
            }
        }
        return new PredictedVsObserved(lines, observedTotal > 0 ? observed : Optional.empty());
    }

    /** The queues flagged. */
    public List<Line> flagged() {
        return queues.stream().filter(Line::flagged).toList();
    }

    /** One sentence: what was compared and which queues differ. */
    public String summary() {
        if (observed.isEmpty()) {
            return "No per-queue counters to compare with: the shares are predictions only.";
        }
        QueueCounts c = observed.get();
        List<Line> off = flagged();
        if (off.isEmpty()) {
            return String.format(Locale.ROOT, "Every queue's observed share (%s, %s) is within %.0f points of the prediction.",
                    c.counter(), c.source(), TOLERANCE * 100);
        }
        StringBuilder sb = new StringBuilder();
        for (Line l : off) {
            sb.append(sb.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "queue %d observed %.1f %% where %.1f %% is predicted",
                    l.queue(), 100 * l.observedShare().getAsDouble(), 100 * l.predictedShare()));
        }
        return String.format(Locale.ROOT, "Off by more than %.0f points (%s, %s): %s. The flows read do not explain what the NIC "
                + "received: flows the listing missed, a table changed since the counters began, or a NIC that does not hash as "
                + "its table says (run the designed verification).", TOLERANCE * 100, c.counter(), c.source(), sb);
    }
}
