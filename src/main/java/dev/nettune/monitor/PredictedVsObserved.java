package dev.nettune.monitor;

import dev.nettune.Phrase;
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
        /** The counters compared (as --json names them). */
        public static final String RX_BYTES = "rx bytes";
        public static final String RX_PACKETS = "rx packets";

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

        /** {@link #counter()} as a phrase: "rx bytes" or "rx packets" in the user's language. */
        public Phrase counterPhrase() {
            return switch (counter) {
                case RX_BYTES -> Phrase.of("monitor.compare.rxBytes", "rx bytes");
                case RX_PACKETS -> Phrase.of("monitor.compare.rxPackets", "rx packets");
                default -> Phrase.literal(counter);
            };
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
            return known ? Optional.of(new QueueCounts(c, c == s.rxBytes() ? RX_BYTES : RX_PACKETS, s.source()))
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

    /** One sentence in English: what was compared and which queues differ ({@link #said()} in the user's language). */
    public String summary() {
        return said().toString();
    }

    /** One sentence: what was compared and which queues differ, as a phrase the Balance screen and the CLI say. */
    public Phrase said() {
        if (observed.isEmpty()) {
            return Phrase.of("monitor.compare.noCounters", "No per-queue counters to compare with: the shares are predictions only.");
        }
        QueueCounts c = observed.get();
        String tolerance = String.format(Locale.ROOT, "%.0f", TOLERANCE * 100);
        List<Line> off = flagged();
        if (off.isEmpty()) {
            return Phrase.of("monitor.compare.within", "Every queue's observed share ({0}, {1}) is within {2} points of the prediction.",
                    c.counterPhrase(), c.source(), tolerance);
        }
        List<Phrase> queues = off.stream().map(l -> Phrase.of("monitor.compare.offQueue", "queue {0} observed {1} % where {2} % is predicted",
                l.queue(), String.format(Locale.ROOT, "%.1f", 100 * l.observedShare().getAsDouble()),
                String.format(Locale.ROOT, "%.1f", 100 * l.predictedShare()))).toList();
        return Phrase.of("monitor.compare.off", "Off by more than {0} points ({1}, {2}): {3}. The flows read do not explain what the NIC "
                + "received: flows the listing missed, a table changed since the counters began, or a NIC that does not hash as "
                + "its table says (run the designed verification).", tolerance, c.counterPhrase(), c.source(), Phrase.joined("; ", queues));
    }
}
