package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a designed verification end to end: reads the receiver's live key, table and rings,
 * designs the flows ({@link FlowDesign}), measures the background, sends one burst per queue and
 * attributes each burst's counter deltas (or, where a tracepoint can be armed, every packet), retries
 * a burst once at a tenth of the rate when far fewer packets arrive than were sent, and judges
 * ({@link DesignedVerdict}).
 */
public final class DesignedVerifier {
    /** A burst's rate is at least this many times the busiest queue's background rate. */
    public static final double STAND_OUT = 20;
    /**
     * A burst's packets are at least this many times what the busiest queue's background adds in the burst's
     * counting window: a faster rate alone does not make a burst of 150 packets stand out from 700 pkt/s counted
     * over a second, and counter deltas cannot tell the two apart.
     */
    public static final double COUNT_STAND_OUT = 4;

    private final Host receiver;
    private final String nic;
    private final CounterReader counters;
    private final RssVerifier.Sleeper sleeper;
    private final Duration baseline;
    private final Duration settle;
    private final Optional<PacketTracer> tracer;

    public DesignedVerifier(Host receiver, String nic, CounterReader counters, RssVerifier.Sleeper sleeper, Duration baseline,
            Duration settle, Optional<PacketTracer> tracer) {
        this.receiver = receiver;
        this.nic = SamplerScript.checkNic(nic);
        this.counters = counters;
        this.sleeper = sleeper;
        this.baseline = baseline;
        this.settle = settle;
        this.tracer = tracer;
    }

    /**
     * Runs it. {@code previousKey}/{@code previousTable} are what the journal says the NIC had before
     * the last change; {@code context} why RSS may not be active (boot, channel change).
     */
    public DesignedResult run(DesignedTraffic traffic, TrafficSender sender, Optional<RssKey> previousKey,
            Optional<IndirectionTable> previousTable, DesignedVerdict.Context context, Consumer<Phrase> progress)
            throws HostException, InterruptedException {
        long t0 = System.nanoTime();
        progress.accept(Phrase.of("monitor.verify.progress.checking", "Checking {0}", sender.describe()));
        TrafficSender.Readiness ready = sender.check();
        if (!ready.ready()) {
            return DesignedResult.without(Verdict.NOT_RUN, ready.said(), List.of(), Optional.empty(), Optional.empty(),
                    since(t0));
        }
        progress.accept(Phrase.of("monitor.verify.progress.readingRings", "Reading the live key, table and rings of {0} on {1}"
                + " (ethtool -x)", nic, receiver.name()));
        CommandResult x = receiver.run(Command.of("ethtool", "-x", nic), Duration.ofSeconds(20));
        EthtoolRss rss = EthtoolRssParser.parse(x.stdoutOrThrow());
        Optional<IndirectionTable> table = rss.table();
        Optional<RssKey> key = rss.key();
        if (table.isEmpty() || key.isEmpty()) {
            return DesignedResult.without(Verdict.INCONCLUSIVE, table.isEmpty()
                    ? Phrase.of("monitor.verify.noTable", "{0} on {1} shows no RSS table ({2}), so no flow's queue can be predicted.",
                            nic, receiver.name(), rss.tableReason()
                            .orElse(Phrase.of("monitor.verify.noneShown", "none")))
                    : Phrase.of("monitor.verify.noKey", "{0} on {1} shows no key ({2}), so no flow's queue can be predicted.",
                            nic, receiver.name(), rss.keyReason()
                            .orElse(RssVerifier.notReported())), List.of(), key, table, since(t0));
        }
        int rings = table.get().ringCount().orElse(table.get().highestQueue() + 1);
        List<Mapping> alternatives = Mapping.alternatives(key.get(), table.get(), rings, previousKey, previousTable);

        progress.accept(Phrase.of("monitor.verify.progress.background", "Measuring the background traffic for {0} s",
                baseline.toMillis() / 1000.0));
        RateCalculator rates = new RateCalculator();
        rates.next(counters.read());
        sleeper.sleep(baseline);
        RateCalculator.Outcome measured = rates.next(counters.read());
        if (!(measured instanceof RateCalculator.Rates bg)) {
            return DesignedResult.without(Verdict.INCONCLUSIVE, Phrase.of("monitor.verify.resetBackground",
                    "The counters reset while measuring the background ({0}); run it again.",
                    measured instanceof RateCalculator.Reset r ? r.said() : Phrase.of("monitor.verify.noBaseline", "no baseline")),
                    List.of(), key, table, since(t0));
        }
        double[] background = new double[bg.sample().queueCount()];
        double busiest = 0;
        for (int q = 0; q < background.length; q++) {
            long d = bg.sample().rxPacketDeltas()[q];
            background[q] = d < 0 ? 0 : d / bg.sample().seconds();
            busiest = Math.max(busiest, background[q]);
        }
        int interval = traffic.intervalMicros();
        if (busiest > 0) {
            // Faster than STAND_OUT x the busiest queue's background, so each burst stands out from it.
            interval = (int) Math.max(10, Math.min(interval, 1e6 / (STAND_OUT * busiest)));
        }
        FlowDesign design = FlowDesign.design(key.get(), table.get(), alternatives, traffic.template(), traffic.side(),
                traffic.from(), traffic.to(), traffic.packetsPerFlow(), interval);
        Optional<Phrase> traceRefused = Optional.empty();
        boolean tracing = false;
        if (tracer.isPresent()) {
            progress.accept(Phrase.of("monitor.verify.progress.arming", "Arming per-packet attribution: {0}", tracer.get().describe()));
            traceRefused = tracer.get().arm(design.flows());
            tracing = traceRefused.isEmpty();
            progress.accept(tracing ? Phrase.of("monitor.verify.progress.tracing", "Per-packet attribution: {0}", tracer.get().describe())
                    : Phrase.of("monitor.verify.progress.noTrace", "No per-packet attribution ({0}): judging by counter deltas",
                            traceRefused.get()));
        }
        // A traced packet is told from the background by its length, so only counter deltas need bursts that outnumber it.
        List<Burst> bursts = tracing ? design.bursts() : outnumberBackground(design, busiest);
        progress.accept(Phrase.of("monitor.verify.progress.designed", "Designed {0} flows, {1} per queue, in {2} bursts (one per queue"
                + " the table uses); a NIC steering any other way passes with probability at most {3}", design.flows().size(),
                design.flowsPerQueue(), design.bursts().size(), design.falsePassText()));
        List<String> commands = new ArrayList<>();
        bursts.forEach(b -> sender.commands(b).forEach(c -> commands.add(c.display())));

        List<BurstObservation> observed = new ArrayList<>();
        String source = bg.sample().source();
        boolean packetCounters = !source.contains("interrupts");
        try {
            boolean first = true;
            for (Burst b : bursts) {
                BurstObservation o = sendAndObserve(b, sender, rates, background, tracing, progress, 1, first);
                first = false;
                if (o == null) {
                    return DesignedResult.without(Verdict.INCONCLUSIVE, Phrase.of("monitor.verify.resetBurst",
                            "The counters reset during the burst for queue {0} (driver reload or channel change); run it again.", b.queue()), commands, key, table, since(t0));
                }
                if (DesignedVerdict.tooLittleSeen(o, packetCounters || tracing)) {
                    Burst slower = b.with(b.packetsPerFlow(), Math.min(1_000_000, b.intervalMicros() * 10));
                    progress.accept(Phrase.of("monitor.verify.progress.resend", "Only {0} of {1} packets of the burst for queue {2}"
                            + " were seen: sending it once more at a tenth of the rate", o.total(), b.packets(), b.queue()));
                    sender.commands(slower).forEach(c -> commands.add(c.display()));
                    o = sendAndObserve(slower, sender, rates, background, tracing, progress, 2, false);
                    if (o == null) {
                        return DesignedResult.without(Verdict.INCONCLUSIVE, Phrase.of("monitor.verify.resetRetry",
                                "The counters reset during the burst for queue {0}; run it again.", b.queue()), commands, key, table, since(t0));
                    }
                }
                observed.add(o);
                if (DesignedVerdict.tooLittleSeen(o, packetCounters || tracing)) {
                    break; // inconclusive already: the other bursts would not change that
                }
            }
        } finally {
            if (tracing) {
                tracer.get().disarm();
            }
        }
        Optional<HashEvidence> hashes = tracing ? HashEvidence.compare(key.get(), previousKey, observed) : Optional.empty();
        DesignedVerdict v = DesignedVerdict.judge(design, observed, packetCounters || tracing, context, hashes);
        Optional<RssFix> fix = switch (v.cause()) {
            case RSS_NOT_ACTIVE, PREVIOUS_TABLE, QUEUE_COUNT -> Optional.of(new RssFix(v.cause().advicePhrase(), key, table,
                    "hkey " + key.get().toColonHex() + " " + RssVerifier.tableArguments(table.get())));
            default -> Optional.empty();
        };
        Phrase counted = tracing ? Phrase.of("monitor.verify.source.perPacket", "{0} (per packet)", tracer.get().describe())
                : traceRefused.map(r -> Phrase.of("monitor.verify.source.noTrace", "{0} (no per-packet trace: {1})",
                        RateSample.phraseOf(source), r)).orElse(RateSample.phraseOf(source));
        return new DesignedResult(v.verdict(), v.said(),
                v.cause(), Optional.of(design), observed, commands, key, table, counted, fix, since(t0), hashes);
    }

    /**
     * The design's bursts, each with enough packets per flow to outnumber the busiest queue's background over the
     * counting window (the settle time plus the burst's own sending time, its flows sent one after another).
     */
    private List<Burst> outnumberBackground(FlowDesign design, double busiest) {
        if (busiest <= 0) {
            return design.bursts();
        }
        List<Burst> bursts = new ArrayList<>();
        for (Burst b : design.bursts()) {
            int flows = b.flows().size();
            double sendSeconds = flows * b.intervalMicros() / 1e6;   // per packet of each flow
            // p * flows >= COUNT_STAND_OUT * busiest * (settle + p * sendSeconds), solved for p.
            double perPacketBackground = COUNT_STAND_OUT * busiest * sendSeconds;
            double needed = perPacketBackground >= flows ? 100_000
                    : COUNT_STAND_OUT * busiest * (settle.toNanos() / 1e9) / (flows - perPacketBackground);
            int packets = (int) Math.min(100_000, Math.max(b.packetsPerFlow(), Math.ceil(needed)));
            bursts.add(b.with(packets, b.intervalMicros()));
        }
        return bursts;
    }

    /**
     * Sends one burst and attributes what arrived. Only the first burst reads the counters (and empties the trace)
     * before it is sent: every later one counts from the read that ended the burst before it, a moment earlier, which
     * saves two round trips to the receiver a burst (on the rig's emulated guest under load, about 2 s each burst).
     * The trace needs no emptying between bursts either: its packets are told apart by their flows' own lengths.
     */
    private BurstObservation sendAndObserve(Burst b, TrafficSender sender, RateCalculator rates, double[] background,
            boolean tracing, Consumer<Phrase> progress, int attempt, boolean first) throws HostException, InterruptedException {
        progress.accept(Phrase.of("monitor.verify.progress.burst", "Burst for queue {0}: {1} flows x {2} packets, {3} µs apart",
                b.queue(), b.flows().size(), b.packetsPerFlow(), b.intervalMicros()));
        if (first) {
            rates.next(counters.read());
            if (tracing) {
                tracer.get().read(b.flows(), background.length); // empties the buffer: nothing before the first burst counts
            }
        }
        sender.send(b);
        sleeper.sleep(settle);
        if (!(rates.next(counters.read()) instanceof RateCalculator.Rates during)) {
            return null;
        }
        RateSample d = during.sample();
        long[] excess = new long[d.queueCount()];
        for (int q = 0; q < excess.length; q++) {
            long delta = d.rxPacketDeltas()[q];
            double bg = q < background.length ? background[q] : 0;
            excess[q] = delta < 0 ? 0 : Math.max(0, Math.round(delta - bg * d.seconds()));
        }
        if (!tracing) {
            return new BurstObservation(b, excess, Optional.empty(), attempt);
        }
        TracedBurst t = tracer.get().read(b.flows(), excess.length);
        return new BurstObservation(b, excess, Optional.of(t.perFlow()), attempt, t.reportedHashes());
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
