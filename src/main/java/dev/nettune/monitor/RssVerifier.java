package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.NicRssReader;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssCalculator;
import dev.nettune.rss.RssKey;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Runs one of the seed's scenarios end to end: reads the receiver's live key and table
 * ({@code ethtool -x}), measures the background rate per queue, has the sender send, reads the
 * counters again and judges what arrived above the background against the table (scenario 1)
 * or the predicted queue (scenario 2).
 */
public final class RssVerifier {
    /** Scenario 2 passes when the predicted queue got at least this share of the test packets. */
    public static final double FIXED_FLOW_SHARE = 0.9;
    /** Fewer than this share of the sent packets arriving means the traffic did not reach the NIC. */
    public static final double MIN_ARRIVED = 0.5;

    /** How long to pause; tests and the sandbox replace it. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Host receiver;
    private final String nic;
    private final CounterReader counters;
    private final Sleeper sleeper;
    private final Duration baseline;
    private final Duration settle;

    public RssVerifier(Host receiver, String nic, CounterReader counters, Sleeper sleeper, Duration baseline, Duration settle) {
        this.receiver = receiver;
        this.nic = SamplerScript.checkNic(nic);
        this.counters = counters;
        this.sleeper = sleeper;
        this.baseline = baseline;
        this.settle = settle;
    }

    public RssVerifier(Host receiver, String nic, CounterReader counters) {
        this(receiver, nic, counters, d -> Thread.sleep(d.toMillis()), Duration.ofSeconds(2), Duration.ofMillis(1500));
    }

    /** Reads the receiver's live RSS setup with {@code ethtool -x NIC}. */
    public EthtoolRss readRss() throws HostException, InterruptedException {
        return NicRssReader.read(receiver, nic);
    }

    /** Runs the scenario; {@code progress} hears each step as it starts, in phrases the front end says in the user's language. */
    public VerificationResult run(TestTraffic traffic, TrafficSender sender, Consumer<Phrase> progress)
            throws HostException, InterruptedException {
        List<String> commands = sender.commands(traffic).stream().map(Command::display).toList();
        progress.accept(Phrase.of("monitor.verify.progress.checking", "Checking {0}", sender.describe()));
        TrafficSender.Readiness ready = sender.check();
        if (!ready.ready()) {
            return inconclusive(traffic, commands, ready.said(), Optional.empty(), Optional.empty());
        }
        progress.accept(Phrase.of("monitor.verify.progress.reading", "Reading the live key and table of {0} on {1} (ethtool -x)", nic,
                receiver.name()));
        EthtoolRss rss = readRss();
        Optional<IndirectionTable> table = rss.table();
        Optional<RssKey> key = rss.key();
        if (table.isEmpty()) {
            return inconclusive(traffic, commands, Phrase.of("monitor.verify.simple.noTable",
                    "{0} on {1} has no RSS table to verify against: {2}.", nic, receiver.name(), rss.tableReason()
                            .map(p -> p).orElse(Phrase.of("monitor.verify.simple.noTableShown", "ethtool -x shows none"))),
                    key, table);
        }
        if (traffic.scenario() == Scenario.FIXED_FLOW && key.isEmpty()) {
            return inconclusive(traffic, commands, Phrase.of("monitor.verify.simple.noKey",
                    "ethtool -x shows no key for {0} ({1}), so no queue can be predicted.", nic, rss.keyReason()
                            .map(p -> p).orElse(notReported())), key, table);
        }
        OptionalInt predicted = OptionalInt.empty();
        if (traffic.scenario() == Scenario.FIXED_FLOW) {
            predicted = OptionalInt.of(new RssCalculator(key.get(), table.get()).calculate(traffic.flowOf(0)).queue());
            progress.accept(Phrase.of("monitor.verify.progress.predicted", "Predicted queue {0} for {1}", predicted.getAsInt(),
                    traffic.flowOf(0)));
        }

        progress.accept(Phrase.of("monitor.verify.progress.background", "Measuring the background traffic for {0} s",
                baseline.toMillis() / 1000.0));
        RateCalculator rates = new RateCalculator();
        rates.next(counters.read());
        sleeper.sleep(baseline);
        RateCalculator.Outcome before = rates.next(counters.read());
        if (!(before instanceof RateCalculator.Rates bg)) {
            return inconclusive(traffic, commands, Phrase.of("monitor.verify.simple.resetBackground",
                    "The counters reset while measuring the background; run it again."), key, table);
        }
        progress.accept(Phrase.of("monitor.verify.progress.sending", "Sending: {0}", String.join("; ", commands)));
        sender.send(traffic);
        sleeper.sleep(settle);
        RateCalculator.Outcome after = rates.next(counters.read());
        if (!(after instanceof RateCalculator.Rates during)) {
            return inconclusive(traffic, commands, Phrase.of("monitor.verify.simple.resetDuring",
                    "The counters reset during the test (driver reload or channel change); run it again."), key, table);
        }
        RateSample b = bg.sample();
        RateSample d = during.sample();
        int n = d.queueCount();
        long[] excess = new long[n];
        double[] background = new double[n];
        boolean unknown = false;
        for (int q = 0; q < n; q++) {
            long delta = d.rxPacketDeltas()[q];
            double bgRate = q < b.queueCount() ? b.rxPacketDeltas()[q] / b.seconds() : 0;
            if (delta < 0 || Double.isNaN(bgRate) || bgRate < 0) {
                unknown = true;
                excess[q] = CounterSnapshot.UNKNOWN;
                continue;
            }
            background[q] = bgRate;
            excess[q] = Math.max(0, Math.round(delta - bgRate * d.seconds()));
        }
        String source = d.source();
        if (unknown) {
            return new VerificationResult(traffic, Verdict.INCONCLUSIVE, Phrase.of("monitor.verify.simple.noPerQueue",
                    "{0} does not report packets per queue, so the test cannot be judged.", nic), commands, key, table, predicted,
                    excess, background, Optional.empty(), RateSample.phraseOf(source), Optional.empty());
        }
        return traffic.scenario() == Scenario.SPREAD
                ? judgeSpread(traffic, commands, key, table.get(), excess, background, source)
                : judgeFixedFlow(traffic, commands, key.get(), table.get(), predicted.getAsInt(), excess, background, source);
    }

    private VerificationResult judgeSpread(TestTraffic t, List<String> commands, Optional<RssKey> key, IndirectionTable table,
            long[] excess, double[] background, String source) {
        long arrived = sum(excess);
        boolean interrupts = source.contains("interrupts");
        if (!interrupts && arrived < MIN_ARRIVED * t.count()) {
            return new VerificationResult(t, Verdict.INCONCLUSIVE, notArrived(t, arrived), commands, key, Optional.of(table),
                    OptionalInt.empty(), excess, background, Optional.empty(), RateSample.phraseOf(source), Optional.empty());
        }
        ShareCheck check = ShareCheck.of(excess, table);
        Optional<RssFix> fix = Optional.empty();
        if (check.verdict() == Verdict.FAIL) {
            int queues = Math.max(table.highestQueue() + 1, table.ringCount().orElse(0));
            RssKey fresh = RssKey.random(key.map(RssKey::length).orElse(RssKey.ENI_LENGTH));
            IndirectionTable equal = IndirectionTable.equal(table.size(), queues, 0, table.ringCount());
            fix = Optional.of(new RssFix(Phrase.of("monitor.verify.fix.spread", "The spread does not follow the table. As the"
                    + " seed suggests, try a new random key (or refill the table evenly with equal {0}) and run scenario 1 again.", queues),
                    Optional.of(fresh), Optional.of(equal), "hkey " + fresh.toColonHex() + " equal " + queues));
        }
        return new VerificationResult(t, check.verdict(), check.said(), commands, key, Optional.of(table),
                OptionalInt.empty(), excess, background, Optional.of(check), RateSample.phraseOf(source), fix);
    }

    private VerificationResult judgeFixedFlow(TestTraffic t, List<String> commands, RssKey key, IndirectionTable table,
            int predicted, long[] excess, double[] background, String source) {
        long arrived = sum(excess);
        boolean interrupts = source.contains("interrupts");
        if (arrived == 0 || (!interrupts && arrived < MIN_ARRIVED * t.count())) {
            return new VerificationResult(t, Verdict.INCONCLUSIVE, notArrived(t, arrived), commands, Optional.of(key),
                    Optional.of(table), OptionalInt.of(predicted), excess, background, Optional.empty(), RateSample.phraseOf(source),
                    Optional.empty());
        }
        long inPredicted = predicted < excess.length ? excess[predicted] : 0;
        double share = inPredicted / (double) arrived;
        int busiest = 0;
        for (int q = 1; q < excess.length; q++) {
            if (excess[q] > excess[busiest]) {
                busiest = q;
            }
        }
        Phrase unit = interrupts ? Phrase.of("monitor.verdict.unitInterrupts", "interrupts")
                : Phrase.of("monitor.verdict.unitPackets", "packets");
        String percent = String.format(Locale.ROOT, "%.0f", share * 100);
        if (share >= FIXED_FLOW_SHARE) {
            return new VerificationResult(t, Verdict.PASS, Phrase.of("monitor.verify.simple.fixedPass",
                    "As predicted: {0} of {1} {2} above the background ({3} %) landed in queue {4}, the queue the live key "
                            + "and table give {5}.", inPredicted, arrived, unit, percent, predicted, t.flowOf(0)),
                    commands, Optional.of(key), Optional.of(table), OptionalInt.of(predicted), excess, background,
                    Optional.empty(), RateSample.phraseOf(source), Optional.empty());
        }
        RssFix fix = new RssFix(Phrase.of("monitor.verify.fix.fixedFlow", "The NIC did not put the flow where its own ethtool -x"
                + " says. Push the key and table again (a NIC may show a table it does not use until the first ethtool -X, and a"
                + " channel change can switch RSS off), then run scenario 2 again; if it still fails, the device hashes"
                + " differently from what it reports."),
                Optional.of(key), Optional.of(table), "hkey " + key.toColonHex() + " " + tableArguments(table));
        return new VerificationResult(t, Verdict.FAIL, Phrase.of("monitor.verify.simple.fixedFail",
                "Off: the calculator predicts queue {0} for {1} from the live key and table, but queue {2} received {3} of {4} {5} "
                        + "(queue {6} got {7} %).", predicted, t.flowOf(0), busiest, excess[busiest], arrived, unit, predicted,
                percent),
                commands, Optional.of(key), Optional.of(table), OptionalInt.of(predicted), excess, background,
                Optional.empty(), RateSample.phraseOf(source), Optional.of(fix));
    }

    /** ethtool -X arguments that reproduce the table: equal N when it is one, else weights per queue. */
    public static String tableArguments(IndirectionTable table) {
        int queues = table.highestQueue() + 1;
        if (table.equals(IndirectionTable.equal(table.size(), queues, 0, java.util.OptionalInt.empty()))) {
            return "equal " + queues;
        }
        StringBuilder sb = new StringBuilder("weight");
        table.bucketsPerQueue().values().forEach(w -> sb.append(' ').append(w));
        return sb.toString();
    }

    private Phrase notArrived(TestTraffic t, long arrived) {
        return Phrase.of("monitor.verify.simple.notArrived", "Only {0} of {1} packets showed up on {2} above the background:"
                + " check that {3} is this NIC's address, that the security group lets TCP in from {4}, and that hping3 sent from"
                + " the right interface.", arrived, t.count(), nic, t.destination(), t.source());
    }

    /** What a verifier says when ethtool -x names no reason for a missing key. */
    static Phrase notReported() {
        return Phrase.of("monitor.verify.keyNotReported", "not reported");
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += Math.max(v, 0);
        }
        return s;
    }

    private static VerificationResult inconclusive(TestTraffic t, List<String> commands, Phrase why, Optional<RssKey> key,
            Optional<IndirectionTable> table) {
        return new VerificationResult(t, Verdict.INCONCLUSIVE, why, commands, key, table, OptionalInt.empty(), new long[0],
                new double[0], Optional.empty(), Phrase.literal(""), Optional.empty());
    }
}
