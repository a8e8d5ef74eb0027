package dev.nettune.monitor;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.PortSide;
import dev.nettune.rss.RssKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The flows of a designed verification: for every queue the table uses, {@code k} flows the live
 * key and table send there, found by a reverse search over source (or destination) ports, one burst
 * per queue.
 *
 * <p>Why it cannot pass by chance: a NIC whose steering is unrelated to the predicted hash (another
 * key, another hash, RSS off and a tap's own hash) puts each flow on queue q with some probability
 * s_q, whatever its table. All N flows land as predicted with probability prod s_q^(c_q), where c_q
 * flows are predicted on queue q; over every possible table that is at most prod (c_q/N)^(c_q)
 * (the multinomial maximum), which is what {@link #falsePassProbability()} reports. With k flows on
 * each of Q queues it is Q^(-kQ), so k is the smallest (at least {@value #MIN_FLOWS_PER_QUEUE}) that
 * brings it to {@value #TARGET} or below: 3 for 4 queues (5.96e-8), 10 for 2 queues (9.5e-7).
 *
 * <p>The known alternatives ({@link Mapping#alternatives}) are not left to chance: among the
 * candidate ports the design prefers flows on which every alternative disagrees with the prediction,
 * so each of them fails outright, and a failed run can name the one that fits. Toeplitz is linear in
 * the port bits, so ports are also chosen affinely independent over GF(2) where the range allows:
 * no flow's queue under another key follows from the others'.
 */
public record FlowDesign(List<Burst> bursts, int flowsPerQueue, double falsePassProbability, List<Mapping> alternatives,
        List<String> indistinguishable) {
    /** The false-pass probability the design aims at (or below). */
    public static final double TARGET = 1e-6;
    /** At least this many flows per queue, so one stray flow never decides alone. */
    public static final int MIN_FLOWS_PER_QUEUE = 2;
    /** Beyond this many flows per queue a design takes too long to send; a table this lopsided is reported instead. */
    public static final int MAX_FLOWS_PER_QUEUE = 32;
    /** The first designed flow's payload; each further flow adds one byte, so lengths tell flows apart. */
    public static final int FIRST_PAYLOAD = 16;

    public FlowDesign {
        bursts = List.copyOf(bursts);
        alternatives = List.copyOf(alternatives);
        indistinguishable = List.copyOf(indistinguishable);
    }

    /** Every designed flow, burst after burst. */
    public List<DesignedFlow> flows() {
        return bursts.stream().flatMap(b -> b.flows().stream()).toList();
    }

    /** Whether the design reaches {@link #TARGET}: only then can a run of it read PASS. */
    public boolean discriminating() {
        return falsePassProbability <= TARGET;
    }

    /** The probability printed beside a verdict: "5.96e-08". */
    public String falsePassText() {
        return String.format(Locale.ROOT, "%.3g", falsePassProbability);
    }

    /**
     * The smallest k (at least {@value #MIN_FLOWS_PER_QUEUE}, at most {@value #MAX_FLOWS_PER_QUEUE})
     * with Q^(-kQ) at or below {@link #TARGET}; for one queue no k is enough and the minimum is returned.
     */
    public static int flowsPerQueue(int queues) {
        if (queues < 1) {
            throw new IllegalArgumentException("A table uses at least one queue, not " + queues + ".");
        }
        if (queues == 1) {
            return MIN_FLOWS_PER_QUEUE;
        }
        for (int k = MIN_FLOWS_PER_QUEUE; k < MAX_FLOWS_PER_QUEUE; k++) {
            if (falsePassProbability(java.util.Collections.nCopies(queues, k)) <= TARGET) {
                return k;
            }
        }
        return MAX_FLOWS_PER_QUEUE;
    }

    /**
     * The largest chance that a steering unrelated to the prediction, through any table, puts every
     * flow on its predicted queue, when {@code perQueue.get(i)} flows are predicted on the i-th
     * queue: prod (c_q/N)^(c_q).
     */
    public static double falsePassProbability(List<Integer> perQueue) {
        long n = 0;
        for (int c : perQueue) {
            if (c < 0) {
                throw new IllegalArgumentException("A flow count is 0 or more, not " + c + ".");
            }
            n += c;
        }
        if (n == 0) {
            return 1;
        }
        double log = 0;
        for (int c : perQueue) {
            if (c > 0) {
                log += c * Math.log(c / (double) n);
            }
        }
        return Math.min(1, Math.exp(log));
    }

    /**
     * Designs the flows: {@code template} with the port on {@code side} searched over {@code from..to},
     * {@code packetsPerFlow} packets per flow {@code intervalMicros} apart.
     */
    public static FlowDesign design(RssKey key, IndirectionTable table, List<Mapping> alternatives, Flow template,
            PortSide side, int from, int to, int packetsPerFlow, int intervalMicros) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(side, "side");
        if (!template.protocol().hashesPorts()) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.design.needsPorts", "A designed verification varies ports: use TCP or UDP,"
                    + " not {0}.", template.protocol().label()));
        }
        if (from < 0 || to > 65535 || from > to) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.traffic.portRange", "The port range {0}-{1} is not valid: use 0-65535, low to high.",
                    from, to));
        }
        Mapping predicted = Mapping.predicted(key, table);
        TreeSet<Integer> used = new TreeSet<>();
        for (int e : table.entries()) {
            used.add(e);
        }
        int k = flowsPerQueue(used.size());
        // Candidates per queue, best first: fewest alternatives agreeing with the prediction.
        TreeMap<Integer, List<List<Flow>>> candidates = new TreeMap<>();
        for (int q : used) {
            List<List<Flow>> byScore = new ArrayList<>();
            for (int s = 0; s <= alternatives.size(); s++) {
                byScore.add(new ArrayList<>());
            }
            candidates.put(q, byScore);
        }
        int enough = 16 * k;
        int[] perfect = new int[table.highestQueue() + 1];
        int satisfied = 0;
        for (int p = from; p <= to && satisfied < used.size(); p++) {
            Flow f = side.withPort(template, p);
            int q = predicted.queueOf(f);
            if (perfect[q] >= enough) {
                continue;
            }
            int agreeing = 0;
            for (Mapping m : alternatives) {
                if (m.queueOf(f) == q) {
                    agreeing++;
                }
            }
            candidates.get(q).get(agreeing).add(f);
            if (agreeing == 0 && ++perfect[q] == enough) {
                satisfied++;
            }
        }
        GfBasis basis = new GfBasis();
        List<Burst> bursts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int payload = FIRST_PAYLOAD;
        for (int q : used) {
            List<Flow> ordered = candidates.get(q).stream().flatMap(List::stream).toList();
            List<Flow> chosen = new ArrayList<>();
            // First pass: affinely independent ports only; second pass: fill up with the rest.
            for (Flow f : ordered) {
                if (chosen.size() < k && basis.addIfIndependent(vector(f))) {
                    chosen.add(f);
                }
            }
            for (Flow f : ordered) {
                if (chosen.size() < k && !chosen.contains(f)) {
                    chosen.add(f);
                }
            }
            if (chosen.isEmpty()) {
                throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.design.noPort", "No {0} port in {1}-{2} sends {3} to queue {4}: widen the"
                        + " port range.", side == dev.nettune.rss.PortSide.SOURCE ? dev.nettune.Phrase.of("monitor.design.sideSource", "source")
                        : dev.nettune.Phrase.of("monitor.design.sideDestination", "destination"), from, to, template, q));
            }
            List<DesignedFlow> flows = new ArrayList<>();
            for (Flow f : chosen) {
                flows.add(new DesignedFlow(f, q, payload++));
            }
            counts.add(flows.size());
            bursts.add(new Burst(q, flows, packetsPerFlow, intervalMicros));
        }
        List<DesignedFlow> all = bursts.stream().flatMap(b -> b.flows().stream()).toList();
        List<String> same = new ArrayList<>();
        for (Mapping m : alternatives) {
            if (all.stream().allMatch(d -> m.queueOf(d.flow()) == d.predictedQueue())) {
                same.add(m.description());
            }
        }
        return new FlowDesign(bursts, k, falsePassProbability(counts), alternatives, same);
    }

    /** The two ports as one 32-bit vector over GF(2): the part of the hash input a design varies. */
    private static long vector(Flow f) {
        return ((long) f.sourcePort() << 16) | f.destinationPort();
    }

    /** A basis of port-vector differences over GF(2), for the affine-independence check. */
    private static final class GfBasis {
        private final long[] rows = new long[32];
        private Long origin;

        boolean addIfIndependent(long v) {
            if (origin == null) {
                origin = v;
                return true;
            }
            long x = v ^ origin;
            for (int bit = 31; bit >= 0; bit--) {
                if ((x >>> bit & 1) == 0) {
                    continue;
                }
                if (rows[bit] == 0) {
                    rows[bit] = x;
                    return true;
                }
                x ^= rows[bit];
            }
            return false;
        }
    }
}
