package dev.nettune.monitor;

import dev.nettune.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verdict of a designed verification and, when it failed, the explanation that fits. PASS only
 * when every burst landed on its predicted queue and the design's false-pass probability is at most
 * {@link FlowDesign#TARGET}; a verdict never reads PASS beside a probability that says otherwise.
 */
public record DesignedVerdict(Verdict verdict, Phrase said, Explanation cause, Optional<Mapping> fitting,
        double falsePassProbability, List<BurstObservation> bursts, Optional<HashEvidence> hashes) {
    /** A burst landed as predicted when its queue got at least this share of what was seen. */
    public static final double LANDED_SHARE = 0.9;
    /** An explanation fits when, in every burst, at least this share of what was seen lands where it says. */
    public static final double FIT_SHARE = 0.8;
    /** With packet counters, less than this share of a burst seen is too little to judge. */
    public static final double MIN_SEEN = 0.5;

    public DesignedVerdict {
        bursts = List.copyOf(bursts);
        java.util.Objects.requireNonNull(hashes, "hashes");
    }

    private DesignedVerdict(Verdict verdict, Phrase said, Explanation cause, Optional<Mapping> fitting,
            double falsePassProbability, List<BurstObservation> bursts) {
        this(verdict, said, cause, fitting, falsePassProbability, bursts, Optional.empty());
    }

    /** The verdict's explanation in English ({@link #said()} in the user's language). */
    public String summary() {
        return said.toString();
    }

    /** What the host tells beyond the traffic: why RSS may not be active (no -X since boot, channels changed after it). */
    public record Context(Optional<Phrase> rssMayBeInactive) {
        public static Context none() {
            return new Context(Optional.empty());
        }
    }

    /** How much of a burst must be seen, and whether the counters count packets (else interrupts). */
    public static boolean tooLittleSeen(BurstObservation o, boolean packetCounters) {
        if (o.perFlow().isPresent()) {
            return o.perFlow().get().stream().mapToLong(DesignedVerdict::sum).sum() < MIN_SEEN * o.burst().packets();
        }
        return packetCounters ? o.total() < MIN_SEEN * o.burst().packets() : o.total() == 0;
    }

    /** Judges the observations of every burst of {@code design} where no hash was reported. */
    public static DesignedVerdict judge(FlowDesign design, List<BurstObservation> obs, boolean packetCounters, Context context) {
        return judge(design, obs, packetCounters, context, Optional.empty());
    }

    /**
     * Judges the observations of every burst of {@code design}, and the hashes the driver reported with them where
     * it did: a reported hash that a known variant of the key or tuple gives, and not the live key, fails the run
     * with that cause even where every burst happened to land on its queue.
     */
    public static DesignedVerdict judge(FlowDesign design, List<BurstObservation> obs, boolean packetCounters, Context context,
            Optional<HashEvidence> hashes) {
        DesignedVerdict v = judgeQueues(design, obs, packetCounters, context, hashes);
        return new DesignedVerdict(v.verdict(), v.said(), v.cause(), v.fitting(), v.falsePassProbability(), v.bursts(), hashes);
    }

    private static DesignedVerdict judgeQueues(FlowDesign design, List<BurstObservation> obs, boolean packetCounters,
            Context context, Optional<HashEvidence> hashes) {
        double p = design.falsePassProbability();
        Phrase unit = packetCounters ? Phrase.of("monitor.verdict.unitPackets", "packets")
                : Phrase.of("monitor.verdict.unitInterrupts", "interrupts");
        for (BurstObservation o : obs) {
            if (tooLittleSeen(o, packetCounters)) {
                long seen = o.perFlow().map(l -> l.stream().mapToLong(DesignedVerdict::sum).sum()).orElse(o.total());
                return new DesignedVerdict(Verdict.INCONCLUSIVE, Phrase.of("monitor.verdict.tooLittle",
                        "Too little seen: the burst for queue {0} sent {1} packets{2} and the receiver saw {3} {4} above the "
                                + "background. Check that the sender reaches this NIC (address, security group, route) "
                                + "and that nothing drops the packets.", o.burst().queue(), o.burst().packets(),
                        o.attempts() > 1 ? Phrase.of("monitor.verdict.twice", " (twice, the second time slower)") : "", seen, unit),
                        Explanation.AS_PREDICTED, Optional.empty(), p, obs);
            }
        }
        Phrase hashNote = hashes.map(h -> Phrase.of("monitor.verdict.hashNote", " {0}", h.said())).orElse(Phrase.literal(""));
        if (hashes.isPresent() && !hashes.get().agrees() && hashes.get().cause() != Explanation.OTHER_HASH) {
            Explanation c = hashes.get().cause();
            return new DesignedVerdict(Verdict.FAIL, Phrase.of("monitor.verdict.hashCause", "Not as predicted:{0} Cause: {1}. {2}",
                    hashNote, c.labelPhrase(), c.advicePhrase()), c, Optional.empty(), p, obs);
        }
        List<Phrase> off = new ArrayList<>();
        for (BurstObservation o : obs) {
            if (!landed(o)) {
                off.add(Phrase.of("monitor.verdict.offBurst", "the burst for queue {0} ({1} flows) landed mostly on queue {2} ({3} % on {0})",
                        o.burst().queue(), o.burst().flows().size(), busiest(o), String.format(Locale.ROOT, "%.0f", o.predictedShare() * 100)));
            }
        }
        if (off.isEmpty()) {
            if (!design.discriminating()) {
                return new DesignedVerdict(Verdict.INCONCLUSIVE, Phrase.of("monitor.verdict.notDiscriminating",
                        "Every burst landed on its predicted queue, but the table uses {0} queue(s): a NIC steering any other "
                                + "way would have agreed with probability {1} (more than {2}), so this shows nothing about the key.",
                        obs.size(), design.falsePassText(), String.format(Locale.ROOT, "%.0e", FlowDesign.TARGET)), Explanation.AS_PREDICTED, Optional.empty(), p, obs);
            }
            return new DesignedVerdict(Verdict.PASS, Phrase.of("monitor.verdict.pass",
                    "As predicted: all {0} bursts ({1} flows) landed on their predicted queues. A NIC steering any other way "
                            + "would pass this with probability at most {2}.{3}", obs.size(), design.flows().size(),
                    design.falsePassText(), hashes.map(h -> h.cause() == Explanation.OTHER_HASH
                            ? (Object) Phrase.of("monitor.verdict.softwareHash", " The driver also reported hashes NetTune's Toeplitz"
                                    + " does not give ({0}): a software hash rather than the device's, so only the queues were judged.",
                                    h.example())
                            : hashNote).orElse("")), Explanation.AS_PREDICTED, Optional.empty(), p, obs);
        }
        Optional<Mapping> best = Optional.empty();
        double bestScore = FIT_SHARE;
        double bestOverlap = 0;
        for (Mapping m : design.alternatives()) {
            double s = packetCounters ? fit(m, obs) : supportFit(m, obs);
            double overlap = packetCounters ? s : fit(m, obs);
            if (s >= bestScore && (best.isEmpty() || s > bestScore || (s == bestScore && overlap > bestOverlap))) {
                best = Optional.of(m);
                bestScore = s;
                bestOverlap = overlap;
            }
        }
        Phrase what = Phrase.of("monitor.verdict.notAsPredicted", "Not as predicted: {0}.{1}", Phrase.joined("; ", off), hashNote);
        if (best.isPresent()) {
            Mapping m = best.get();
            Phrase because = m.explanation() == Explanation.RSS_NOT_ACTIVE && context.rssMayBeInactive().isPresent()
                    ? Phrase.of("monitor.verdict.because", " {0}.", context.rssMayBeInactive().get()) : Phrase.literal("");
            return new DesignedVerdict(Verdict.FAIL, Phrase.of("monitor.verdict.fits", "{0} Cause: {1}: the traffic follows {2} "
                    + "({3} % of what was seen).{4} {5}", what, m.explanation().labelPhrase(), m.said(),
                    String.format(Locale.ROOT, "%.0f", bestScore * 100), because, m.explanation().advicePhrase()),
                    m.explanation(), best, p, obs);
        }
        if (hashes.isPresent() && hashes.get().cause() == Explanation.OTHER_HASH) {
            return new DesignedVerdict(Verdict.FAIL, Phrase.of("monitor.verdict.cause", "{0} Cause: {1}. {2}", what,
                    Explanation.OTHER_HASH.labelPhrase(), Explanation.OTHER_HASH.advicePhrase()), Explanation.OTHER_HASH, Optional.empty(), p, obs);
        }
        if (context.rssMayBeInactive().isPresent()) {
            return new DesignedVerdict(Verdict.FAIL, Phrase.of("monitor.verdict.inactive", "{0} Cause: {1}: the traffic "
                    + "follows no mapping NetTune can compute (a hash other than the device's RSS), and {2}. {3}", what,
                    Explanation.RSS_NOT_ACTIVE.labelPhrase(), context.rssMayBeInactive().get(), Explanation.RSS_NOT_ACTIVE.advicePhrase()),
                    Explanation.RSS_NOT_ACTIVE, Optional.empty(), p, obs);
        }
        return new DesignedVerdict(Verdict.FAIL, Phrase.of("monitor.verdict.noneFits", "{0} None of the known explanations fits (RSS"
                + " not active, a key shifted by one byte, the previous table, a symmetric or sorted tuple, a different table size,"
                + " a queue count change). {1}", what, Explanation.NONE_FITS.advicePhrase()),
                Explanation.NONE_FITS, Optional.empty(), p, obs);
    }

    private static boolean landed(BurstObservation o) {
        if (o.perFlow().isPresent()) {
            List<long[]> per = o.perFlow().get();
            for (long[] f : per) {
                long t = sum(f);
                long on = o.burst().queue() < f.length ? f[o.burst().queue()] : 0;
                if (t > 0 && on < LANDED_SHARE * t) {
                    return false;
                }
            }
            return true;
        }
        return o.predictedShare() >= LANDED_SHARE;
    }

    private static int busiest(BurstObservation o) {
        if (o.perFlow().isEmpty()) {
            return o.busiest();
        }
        long[] t = new long[o.excess().length];
        for (long[] f : o.perFlow().get()) {
            for (int q = 0; q < Math.min(f.length, t.length); q++) {
                t[q] += f[q];
            }
        }
        return new BurstObservation(o.burst(), t).busiest();
    }

    /**
     * How well a mapping explains what was seen: the smallest, over bursts, share of the burst's
     * traffic on the queues the mapping sends its flows to (per flow where a trace gave it).
     */
    static double fit(Mapping m, List<BurstObservation> obs) {
        double worst = 1;
        for (BurstObservation o : obs) {
            List<DesignedFlow> flows = o.burst().flows();
            double score;
            if (o.perFlow().isPresent()) {
                long on = 0;
                long all = 0;
                for (int i = 0; i < flows.size(); i++) {
                    long[] f = o.perFlow().get().get(i);
                    int q = m.queueOf(flows.get(i).flow());
                    on += q < f.length ? f[q] : 0;
                    all += sum(f);
                }
                score = all == 0 ? 0 : on / (double) all;
            } else {
                // The burst's packets split over the queues the mapping picks; compare the two splits.
                double[] predicted = new double[o.excess().length];
                boolean outside = false;
                for (DesignedFlow f : flows) {
                    int q = m.queueOf(f.flow());
                    if (q < predicted.length) {
                        predicted[q] += 1.0 / flows.size();
                    } else {
                        outside = true;
                    }
                }
                long t = o.total();
                double overlap = 0;
                for (int q = 0; q < predicted.length; q++) {
                    overlap += Math.min(predicted[q], t == 0 ? 0 : Math.max(o.excess()[q], 0) / (double) t);
                }
                score = outside ? Math.min(overlap, 0) : overlap;
            }
            worst = Math.min(worst, score);
        }
        return worst;
    }

    /**
     * How well a mapping explains interrupt counts: the smallest, over bursts, share of the burst's interrupts on
     * queues the mapping sends one of its flows to. NAPI folds a queue's back-to-back packets into few interrupts
     * (the rig's 6.12 guest: 72 injected frames, 5 interrupts), so the split of interrupts does not follow the split
     * of packets; which queues were interrupted at all does.
     */
    static double supportFit(Mapping m, List<BurstObservation> obs) {
        double worst = 1;
        for (BurstObservation o : obs) {
            if (o.perFlow().isPresent()) {
                worst = Math.min(worst, fit(m, List.of(o)));
                continue;
            }
            boolean[] used = new boolean[o.excess().length];
            boolean outside = false;
            for (DesignedFlow f : o.burst().flows()) {
                int q = m.queueOf(f.flow());
                if (q < used.length) {
                    used[q] = true;
                } else {
                    outside = true;
                }
            }
            long t = o.total();
            long on = 0;
            for (int q = 0; q < used.length; q++) {
                on += used[q] ? Math.max(o.excess()[q], 0) : 0;
            }
            worst = Math.min(worst, outside || t == 0 ? 0 : on / (double) t);
        }
        return worst;
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += Math.max(v, 0);
        }
        return s;
    }
}
