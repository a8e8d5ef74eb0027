package dev.nettune.monitor;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the receiver saw of one burst: the packets (or interrupts) per queue above the background
 * while it was sent, and, where a receive tracepoint could be read, every flow's packets per queue.
 * {@code attempts} is 2 when the burst was sent again at a lower rate. {@code reportedHashes} holds, per flow, the
 * hash the driver passed up with its packets, where the trace showed one.
 */
public record BurstObservation(Burst burst, long[] excess, Optional<List<long[]>> perFlow, int attempts,
        List<OptionalLong> reportedHashes) {
    public BurstObservation {
        Objects.requireNonNull(burst, "burst");
        excess = excess.clone();
        perFlow = perFlow.map(l -> l.stream().map(long[]::clone).toList());
        if (perFlow.isPresent() && perFlow.get().size() != burst.flows().size()) {
            throw new IllegalArgumentException("A per-flow observation needs one line per flow of the burst ("
                    + burst.flows().size() + "), not " + perFlow.get().size() + ".");
        }
        reportedHashes = reportedHashes.isEmpty() ? Collections.nCopies(burst.flows().size(), OptionalLong.empty())
                : List.copyOf(reportedHashes);
        if (reportedHashes.size() != burst.flows().size()) {
            throw new IllegalArgumentException("Reported hashes come one per flow of the burst (" + burst.flows().size()
                    + "), not " + reportedHashes.size() + ".");
        }
    }

    /** Without reported hashes (counter deltas, or a driver that passes none up). */
    public BurstObservation(Burst burst, long[] excess, Optional<List<long[]>> perFlow, int attempts) {
        this(burst, excess, perFlow, attempts, List.of());
    }

    public BurstObservation(Burst burst, long[] excess) {
        this(burst, excess, Optional.empty(), 1);
    }

    /** Everything seen above the background, over all queues. */
    public long total() {
        long s = 0;
        for (long v : excess) {
            s += Math.max(v, 0);
        }
        return s;
    }

    /** What the predicted queue received. */
    public long onPredicted() {
        return burst.queue() < excess.length ? Math.max(excess[burst.queue()], 0) : 0;
    }

    /** The queue that received most, or -1 when nothing was seen. */
    public int busiest() {
        int best = -1;
        for (int q = 0; q < excess.length; q++) {
            if (excess[q] > 0 && (best < 0 || excess[q] > excess[best])) {
                best = q;
            }
        }
        return best;
    }

    /** The share of what was seen that the predicted queue received (0 when nothing was seen). */
    public double predictedShare() {
        long t = total();
        return t == 0 ? 0 : onPredicted() / (double) t;
    }
}
