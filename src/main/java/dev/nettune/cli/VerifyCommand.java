package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.app.VerificationService;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.monitor.BurstObservation;
import dev.nettune.monitor.DesignedFlow;
import dev.nettune.monitor.DesignedResult;
import dev.nettune.monitor.DesignedTraffic;
import dev.nettune.monitor.Explanation;
import dev.nettune.monitor.FlowDesign;
import dev.nettune.monitor.Scenario;
import dev.nettune.monitor.ShareCheck;
import dev.nettune.monitor.TestTraffic;
import dev.nettune.monitor.TrafficSender;
import dev.nettune.monitor.Verdict;
import dev.nettune.monitor.VerificationResult;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.PortSide;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nettune verify HOST --nic NIC --sender HOST2 [--scenario 1|2] [--json]}: by default a designed
 * verification (flows chosen per queue from the live key and table, one burst per queue, PASS only
 * when every burst lands as predicted, the false-pass probability printed, the cause named when it
 * fails); {@code --scenario} runs one of the seed's scenarios, labelled for what it shows. Exit code 0
 * as predicted, 1 not, 3 inconclusive, 4 could not run.
 */
@CommandLine.Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify RSS with traffic. By default: designed flows, k per queue the table uses (reverse search),",
            "sent as one burst per queue; PASS only when every burst lands on its predicted queue, with the probability",
            "that a NIC steering any other way would have passed; when it fails, the cause that fits.",
            "--scenario 1 (spread; does not check the key) or 2 (one flow) runs the seed's scenarios instead.",
            "Exit code: 0 as predicted, 1 not as predicted, 3 inconclusive, 4 could not run (sender/host error, timeout)."})
final class VerifyCommand implements Callable<Integer> {
    static final int EXIT_FAIL = 1;
    static final int EXIT_INCONCLUSIVE = 3;
    static final int EXIT_NOT_RUN = 4;

    private final AppContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "The receiver: sandbox, a saved host, an ssh alias, user@host[:port].")
    String host;

    @Option(names = "--nic", required = true, paramLabel = "NIC", description = "The receiver's NIC (its RSS is verified).")
    String nic;

    @Option(names = "--sender", required = true, paramLabel = "HOST2", description = "The host that sends with hping3 (sandbox for the sandbox pair).")
    String sender;

    @Option(names = "--scenario", paramLabel = "1|2", description = "Run the seed's scenario instead of the designed flows: "
            + "1 spread over the queues (checks spread, not the key), 2 one fixed flow.")
    Integer scenario;

    @Option(names = "--count", defaultValue = "10000", description = "Scenarios: packets to send (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--packets", defaultValue = "50", description = "Designed: packets per flow (default ${DEFAULT-VALUE}).")
    int packets;

    @Option(names = "--interval-us", description = "Microseconds between packets, hping3 -i u (default 1000 designed, 100 scenarios).")
    Integer intervalMicros;

    @Option(names = "--src", description = "Source address (the sender's). Default: the seed's 10.0.0.252.")
    String src;

    @Option(names = "--dst", description = "Destination address (the receiver NIC's). Default: the seed's 10.0.0.5.")
    String dst;

    @Option(names = "--sport", description = "Scenarios: source port (base port in 1, default 10000; fixed in 2, default 12345).")
    Integer sport;

    @Option(names = "--sports", paramLabel = "FROM-TO", defaultValue = "10000-60000",
            description = "Designed: the source ports to search (default ${DEFAULT-VALUE}).")
    String sports;

    @Option(names = "--dports", paramLabel = "FROM-TO", description = "Designed: the receiver listens on this range; "
            + "search destination ports instead of source ports (the source port is then --sport, default 10000).")
    String dports;

    @Option(names = "--dport", description = "Destination port (default 80; 0 in scenario 1).")
    Integer dport;

    @Option(names = "--iface", description = "The sender's interface for scenario 1 (hping3 -I), e.g. eth0.")
    String iface;

    @Option(names = "--json", description = "Print JSON: verdict, falsePassProbability, bursts (flows, predicted queue, "
            + "observed deltas), cause.")
    boolean json;

    @Mixin
    HostConnectionOptions connection;

    VerifyCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        connection.check(host, "sandbox".equals(sender) ? null : sender);
        VerificationService service = new VerificationService(context);
        HostOptions options = connection.toHostOptions();
        TrafficSender ts;
        try {
            ts = service.sender(sender, host, nic, options);
        } catch (IllegalArgumentException e) {
            throw new CliInputException(CliText.problem(e));
        }
        try (Host receiver = service.receiver(host, options)) {
            return scenario == null ? designed(out, service, receiver, ts) : scenario(out, service, receiver, ts);
        } catch (HostException e) {
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("verdict", "NOT_RUN");
                m.put("explanation", "Could not run: " + e.getMessage());
                out.println(CliJson.write(m));
            } else {
                out.println(CliText.format("verify.couldNotRun", CliText.problem(e)));
            }
            out.flush();
            return EXIT_NOT_RUN;
        }
    }

    private int designed(PrintWriter out, VerificationService service, Host receiver, TrafficSender ts) throws Exception {
        DesignedTraffic traffic;
        try {
            IpAddress s = IpAddress.parse(src == null ? TestTraffic.SEED_SENDER : src);
            IpAddress d = IpAddress.parse(dst == null ? TestTraffic.SEED_RECEIVER : dst);
            int interval = intervalMicros == null ? DesignedTraffic.DEFAULT_INTERVAL_MICROS : intervalMicros;
            if (dports != null) {
                dev.nettune.rss.PortSpan r = dev.nettune.rss.PortSpan.parse(dports);
                traffic = new DesignedTraffic(s, d, PortSide.DESTINATION, r.from(), r.to(), sport == null ? 10000 : sport,
                        packets, interval);
            } else {
                dev.nettune.rss.PortSpan r = dev.nettune.rss.PortSpan.parse(sports);
                traffic = new DesignedTraffic(s, d, PortSide.SOURCE, r.from(), r.to(), dport == null ? 80 : dport, packets, interval);
            }
        } catch (IllegalArgumentException e) {
            throw new CliInputException(CliText.problem(e));
        }
        if (!json) {
            out.println(CliText.format("verify.designed.header", nic, host, ts.describe().in(CliText.locale())));
            out.flush();
        }
        DesignedResult r = service.designed(receiver, nic, ts, traffic, p -> {
            if (!json) {
                out.println("- " + p.in(CliText.locale()));
                out.flush();
            }
        });
        if (json) {
            out.println(CliJson.write(designedJson(r)));
        } else {
            printDesigned(out, r);
        }
        out.flush();
        return exit(r.verdict());
    }

    private void printDesigned(PrintWriter out, DesignedResult r) {
        out.println();
        if (!r.commands().isEmpty()) {
            out.println(CliText.get("verify.commandsOnSender"));
            r.commands().forEach(c -> out.println("  " + c));
        }
        if (!r.bursts().isEmpty()) {
            out.println(padRight(CliText.get("verify.col.burst"), 6) + " " + padRight(CliText.get("verify.col.queue"), 6) + " "
                    + padRight(CliText.get("verify.col.flows"), 48) + " " + CliText.get("verify.col.seen"));
            int i = 1;
            for (BurstObservation o : r.bursts()) {
                List<String> flows = new ArrayList<>();
                for (DesignedFlow f : o.burst().flows()) {
                    flows.add(f.flow().sourcePort() + ">" + f.flow().destinationPort() + " (" + f.payloadBytes() + ")");
                }
                out.printf(Locale.ROOT, "%-6d %-6d %-48s %s%s%n", i++, o.burst().queue(), String.join(" ", flows),
                        java.util.Arrays.toString(o.excess()), o.attempts() > 1 ? CliText.get("verify.sentAgain") : "");
            }
            out.println(CliText.format("verify.countedFrom", r.counted().in(CliText.locale())));
        }
        String p = r.design().map(FlowDesign::falsePassText).orElse("1");
        out.println(CliText.format("verify.verdictLine", String.valueOf(r.verdict()), p, r.said().in(CliText.locale())));
        r.fix().ifPresent(f -> out.println(CliText.format("verify.designed.fix", "nettune rss apply " + host + " --nic " + nic + " --force",
                "ethtool -X " + nic + " " + f.ethtoolArguments())));
        out.println(CliText.format("verify.took", String.format(Locale.ROOT, "%.1f", r.elapsed().toMillis() / 1000.0)));
    }

    static Map<String, Object> designedJson(DesignedResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", r.verdict().name());
        m.put("falsePassProbability", r.falsePassProbability());
        m.put("explanation", r.explanation());
        m.put("cause", r.verdict() == Verdict.FAIL ? r.cause().name() : null);
        m.put("causeLabel", r.verdict() == Verdict.FAIL ? r.cause().label() : null);
        m.put("advice", r.verdict() == Verdict.FAIL && r.cause() != Explanation.AS_PREDICTED ? r.cause().advice() : null);
        List<Map<String, Object>> bursts = new ArrayList<>();
        for (BurstObservation o : r.bursts()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("predictedQueue", o.burst().queue());
            List<Map<String, Object>> flows = new ArrayList<>();
            for (int i = 0; i < o.burst().flows().size(); i++) {
                DesignedFlow f = o.burst().flows().get(i);
                Map<String, Object> fm = CliJson.flow(f.flow());
                fm.put("payloadBytes", f.payloadBytes());
                fm.put("packets", o.burst().packetsPerFlow());
                java.util.OptionalLong h = o.reportedHashes().get(i);
                fm.put("reportedHash", h.isPresent() ? String.format(Locale.ROOT, "0x%08x", h.getAsLong()) : null);
                flows.add(fm);
            }
            b.put("flows", flows);
            b.put("observedDeltas", o.excess());
            o.perFlow().ifPresent(per -> b.put("observedPerFlow", per));
            b.put("attempts", o.attempts());
            bursts.add(b);
        }
        m.put("bursts", bursts);
        m.put("hashComparison", r.hashes().map(h -> {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("compared", h.compared());
            hm.put("agreeing", h.agreeing());
            hm.put("fits", h.agrees() ? "LIVE_KEY" : h.cause().name());
            hm.put("summary", h.sentence());
            return hm;
        }).orElse(null));
        m.put("counterSource", r.counterSource());
        m.put("commands", r.commands());
        m.put("elapsedSeconds", r.elapsed().toMillis() / 1000.0);
        return m;
    }

    private int scenario(PrintWriter out, VerificationService service, Host receiver, TrafficSender ts) throws Exception {
        Scenario s;
        TestTraffic t;
        try {
            s = Scenario.ofNumber(scenario);
            t = new TestTraffic(s, IpAddress.parse(src == null ? TestTraffic.SEED_SENDER : src),
                    IpAddress.parse(dst == null ? TestTraffic.SEED_RECEIVER : dst), count, intervalMicros == null ? 100 : intervalMicros,
                    sport != null ? sport : s == Scenario.SPREAD ? 10000 : 12345, dport != null ? dport : s == Scenario.SPREAD ? 0 : 80,
                    Optional.ofNullable(iface));
        } catch (IllegalArgumentException e) {
            throw new CliInputException(CliText.problem(e));
        }
        if (!json) {
            out.println(CliText.format("verify.scenario", String.valueOf(s.number()), CliText.get("verify.scenario." + s.name())));
            out.println("  " + CliText.get("verify.shows." + s.name()));
            out.println(CliText.format("verify.runsOn", ts.describe().in(CliText.locale())));
            ts.commands(t).forEach(c -> out.println("  " + c.display()));
            out.flush();
        }
        VerificationResult r = service.scenario(receiver, nic, ts, t, p -> {
            if (!json) {
                out.println("- " + p.in(CliText.locale()));
                out.flush();
            }
        });
        Verdict verdict = r.verdict();
        String explanation = r.explanation();
        double falsePass = scenarioFalsePass(s, r);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("verdict", verdict.name());
            m.put("scenario", s.number());
            m.put("shows", scenarioLabel(s));
            m.put("falsePassProbability", falsePass);
            m.put("explanation", explanation);
            m.put("predictedQueue", r.predictedQueue().isPresent() ? r.predictedQueue().getAsInt() : null);
            m.put("observedDeltas", r.excessPackets());
            m.put("commands", r.commands());
            out.println(CliJson.write(m));
            out.flush();
            return exit(verdict);
        }
        out.println();
        r.predictedQueue().ifPresent(q -> out.println(CliText.format("verify.predictedQueue", String.valueOf(q))));
        if (r.excessPackets().length > 0) {
            out.println(String.join(" ", CliText.padLeft(CliText.get("verify.col.queue"), 5), CliText.padLeft(CliText.get("verify.col.packets"), 10),
                    CliText.padLeft(CliText.get("verify.col.background"), 12), CliText.padLeft(CliText.get("verify.col.table"), 8)));
            for (int q = 0; q < r.excessPackets().length; q++) {
                int queue = q;
                out.printf(Locale.ROOT, "%5d %10d %12.0f %8s%n", q, r.excessPackets()[q], r.backgroundPps()[q],
                        r.table().map(tb -> String.format(Locale.ROOT, "%.1f%%", tb.expectedShare(queue) * 100)).orElse(""));
            }
        }
        r.shares().map(ShareCheck::test).ifPresent(c -> out.println(CliText.format("verify.chiSquare",
                String.format(Locale.ROOT, "%.2f", c.statistic()), String.valueOf(c.degreesOfFreedom()),
                String.format(Locale.ROOT, "%.3g", c.pValue()))));
        out.println(verdict + ": " + r.said().in(CliText.locale()));
        if (s == Scenario.FIXED_FLOW && verdict == Verdict.PASS) {
            out.println(CliText.format("verify.fixedFlowNote", String.format(Locale.ROOT, "%.2g", falsePass)));
        }
        if (s == Scenario.SPREAD && verdict == Verdict.PASS) {
            out.println(CliText.get("verify.spreadNote"));
        }
        r.fix().ifPresent(f -> {
            out.println(CliText.format("verify.fix", f.said().in(CliText.locale())));
            out.println(CliText.format("verify.fixHow", "ethtool -X " + nic + " " + f.ethtoolArguments()));
        });
        out.flush();
        return exit(verdict);
    }

    /** {@code text} left-aligned in {@code columns} terminal columns (a CJK character takes two). */
    private static String padRight(String text, int columns) {
        String padded = CliText.padLeft(text, columns);
        int spaces = padded.length() - text.length();
        return text + " ".repeat(spaces);
    }

    /** What a scenario can show, printed beside its verdict. */
    static String scenarioLabel(Scenario s) {
        return s == Scenario.SPREAD
                ? "Checks that many flows spread over the queues in the table's proportions; it does NOT check the key "
                        + "(any hash that spreads evenly passes)."
                : "Checks one flow against the predicted queue; a NIC steering any other way agrees by chance with the "
                        + "predicted queue's share of the table.";
    }

    /** Scenario 2: the predicted queue's share of the table (a wrong mapping's chance to agree); scenario 1: 1. */
    static double scenarioFalsePass(Scenario s, VerificationResult r) {
        if (s == Scenario.FIXED_FLOW && r.table().isPresent() && r.predictedQueue().isPresent()) {
            return r.table().get().expectedShare(r.predictedQueue().getAsInt());
        }
        return 1.0;
    }

    static int exit(Verdict v) {
        return switch (v) {
            case PASS -> 0;
            case FAIL -> EXIT_FAIL;
            case INCONCLUSIVE -> EXIT_INCONCLUSIVE;
            case NOT_RUN -> EXIT_NOT_RUN;
        };
    }
}
