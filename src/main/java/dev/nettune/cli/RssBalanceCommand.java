package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.BalanceService;
import dev.nettune.host.Host;
import dev.nettune.monitor.PredictedVsObserved;
import dev.nettune.rss.FlowCsv;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.balance.BalanceMode;
import dev.nettune.rss.balance.BalanceProposal;
import dev.nettune.rss.balance.BalanceReport;
import dev.nettune.rss.balance.LoadStats;
import dev.nettune.rss.balance.NicAddresses;
import dev.nettune.rss.balance.ObservedFlow;
import dev.nettune.rss.balance.WeightUnit;
import dev.nettune.rss.balance.WeightedFlowCsv;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.PlanPreview;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nettune rss balance}: from a host's flows (or a CSV of flows) to a key and/or table that
 * spreads them evenly, with the predicted max/mean and coefficient of variation before and after;
 * {@code --apply} sets the chosen proposal through the tuning engine.
 */
@Command(name = "balance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Propose a key and/or table that balances the flows a NIC receives.",
            "On a host: reads ethtool -x, the NIC's addresses and its flows (ss -tinH, conntrack -L -o extended",
            "or /proc/net/nf_conntrack; --from picks).",
            "Offline: --flows CSV (src,dst,sport,dport[,weight]) with -k KEY and a table (--rings N, --equal N,",
            "--weight W..., --table FILE). Modes: weights (ethtool -X weight, solved exactly), key (a new 40-byte",
            "key), both, reta (a DPDK table, as testpmd lines). A proposal that does not beat today keeps today."},
        footer = {"", "Examples:",
            "  nettune rss balance web1 --nic eth1",
            "  nettune rss balance web1 --nic eth1 --mode both --apply",
            "  nettune rss balance --flows flows.csv -k 6d:5a:... --rings 8 --equal 8 --json"})
final class RssBalanceCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST", description = "The receiving host (omit for offline).")
    String host;

    @picocli.CommandLine.Mixin
    HostConnectionOptions connection = new HostConnectionOptions();

    @Option(names = "--nic", paramLabel = "NIC", description = "The NIC on the host (required with HOST).")
    String nic;

    @Option(names = "--flows", paramLabel = "FILE", description = "Flows as CSV src,dst,sport,dport[,weight] (- reads stdin).")
    String flowsFile;

    @Option(names = "--from", paramLabel = "SOURCE", defaultValue = "all",
            description = "Host flows from ss, conntrack (conntrack -L -o extended or /proc/net/nf_conntrack) or all (default).")
    String from;

    @Option(names = "--mode", paramLabel = "MODE", description = "weights, key, both or reta (default: weights, key and both).")
    String mode;

    @Option(names = "--by", paramLabel = "UNIT", defaultValue = "bytes", description = "Weigh host flows by bytes, packets or flows (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--addresses", paramLabel = "A,B", description = "Offline: keep only flows to these addresses (the NIC's).")
    String addresses;

    @Option(names = {"-k", "--key"}, paramLabel = "KEY", description = "Offline: today's key (or from --table FILE).")
    String key;

    @Option(names = "--key-length", paramLabel = "BYTES", defaultValue = "40", description = "Expected key length (default: ${DEFAULT-VALUE}).")
    int keyLength;

    @Mixin
    RssTableOptions table;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "DPDK port id of the reta lines (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--apply", description = "Set the chosen proposal on the host: previewed, journaled, commit-confirmed, undoable.")
    boolean apply;

    @Option(names = "--confirm-timeout", paramLabel = "S", defaultValue = "60")
    int confirmTimeout;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RssBalanceCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Set<BalanceMode> modes = mode == null ? BalanceMode.ethtoolModes() : EnumSet.of(BalanceMode.parse(mode));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BalanceService service = new BalanceService();
        if (host == null) {
            if (apply) {
                throw new CliInputException(CliText.get("rss.balance.applyNeedsHost"));
            }
            if (flowsFile == null) {
                throw new CliInputException(CliText.get("rss.balance.offlineNeedsFlows"));
            }
            RssKey k = table.key(key, keyLength);
            IndirectionTable t = table.requiredTable();
            List<ObservedFlow> flows = readCsv(err);
            if (addresses != null) {
                flows = NicAddresses.filter(flows, NicAddresses.parseList(addresses));
            }
            BalanceReport r = service.advise(flows, k, t, modes, () -> Thread.currentThread().isInterrupted());
            print(out, r, nic == null ? "NIC" : nic, List.of(), Optional.empty());
            return 0;
        }
        if (nic == null) {
            throw new CliInputException(CliText.get("rss.balance.needsNic"));
        }
        if (table.hasRequest() || key != null) {
            throw new CliInputException(CliText.get("rss.balance.hostGivesKeyAndTable"));
        }
        try (Host h = TuneCommand.open(ctx, host, connection)) {
            BalanceService.HostFlows hf = service.read(h, nic, WeightUnit.parse(by), BalanceService.FlowSource.parse(from));
            List<ObservedFlow> flows = hf.flows();
            if (flowsFile != null) {
                flows = NicAddresses.filter(readCsv(err), hf.addresses());
            }
            BalanceReport r = service.advise(hf, flows, modes, () -> Thread.currentThread().isInterrupted());
            print(out, r, nic, hf.notes(), hf.counters());
            if (!apply) {
                return 0;
            }
            BalanceProposal chosen = (mode == null ? r.best() : r.proposal(BalanceMode.parse(mode)).filter(BalanceProposal::changes))
                    .orElse(null);
            if (chosen == null || !chosen.changes()) {
                err.println(CliText.get("rss.balance.nothingToApply"));
                return 0;
            }
            Plan plan = new Planner().plan(h, new Profile(BalanceService.profileName(nic).in(CliText.locale()),
                    "nettune rss balance " + chosen.mode().label(), BalanceService.entries(nic, chosen)));
            PrintWriter planOut = json ? err : out;
            planOut.print(PlanPreview.text(plan, CliText.locale()));
            if (!plan.applicable()) {
                return NetTuneCommand.EXIT_BAD_INPUT;
            }
            if (plan.nothingToDo()) {
                return 0;
            }
            ApplyResult ar = ctx.tuningEngine().apply(h, plan, TuneCommand.options(ctx, host, connection, confirmTimeout),
                    TuneCommand.printer(planOut), new Cancellation());
            planOut.println(TuneCommand.outcome(ar));
            planOut.flush();
            return TuneCommand.exitCode(ar);
        }
    }

    private List<ObservedFlow> readCsv(PrintWriter err) {
        List<ObservedFlow> flows = new ArrayList<>();
        List<FlowCsv.Problem> problems = new ArrayList<>();
        try (BufferedReader in = InputFiles.openLines(flowsFile, "--flows")) {
            WeightedFlowCsv.read(in, flows::add, problems::add);
        } catch (InputFiles.LineTooLongException e) {
            throw new CliInputException(CliText.problem(e));
        } catch (IOException e) {
            throw new CliInputException(CliText.format("rss.balance.unreadableFlows", InputFiles.shown(Path.of(flowsFile))));
        }
        problems.forEach(p -> err.println("nettune: " + flowsFile + " " + p.phrase().in(CliText.locale())));
        return flows;
    }


    private void print(PrintWriter out, BalanceReport r, String nicName, List<dev.nettune.Phrase> notes,
                       Optional<PredictedVsObserved.QueueCounts> counters) {
        PredictedVsObserved today = PredictedVsObserved.of(r.today(), counters);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("flows", r.flows());
            m.put("queues", List.of(r.span().first(), r.span().last()));
            Map<String, Object> current = stats(r.today());
            current.put("perQueue", perQueue(today));
            m.put("current", current);
            Map<String, Object> observed = new LinkedHashMap<>();
            observed.put("counter", today.observed().map(PredictedVsObserved.QueueCounts::counter).orElse(null));
            observed.put("source", today.observed().map(PredictedVsObserved.QueueCounts::source).orElse(null));
            observed.put("tolerance", PredictedVsObserved.TOLERANCE);
            observed.put("flaggedQueues", today.flagged().stream().map(PredictedVsObserved.Line::queue).toList());
            observed.put("summary", today.summary());
            m.put("observed", observed);
            List<Map<String, Object>> ps = new ArrayList<>();
            for (BalanceProposal p : r.proposals()) {
                Map<String, Object> e = new LinkedHashMap<>(stats(p.stats()));
                e.put("perQueue", perQueue(PredictedVsObserved.of(p.stats(), counters)));
                e.put("mode", p.mode().label());
                e.put("improves", p.improves());
                p.weights().ifPresent(w -> e.put("weights", w.weights()));
                p.weights().ifPresent(w -> e.put("start", w.firstQueue()));
                p.key().ifPresent(k -> e.put("key", k.toColonHex()));
                if (p.mode() == BalanceMode.RETA) {
                    e.put("table", Arrays.stream(p.table().entries()).boxed().toList());
                }
                e.put("note", p.note());
                ps.add(e);
            }
            m.put("proposals", ps);
            m.put("elephants", r.elephants().flows().stream().map(f -> Map.of("flow", f.flow().toString(), "weight", f.weight())).toList());
            m.put("warning", r.elephants().warning());
            m.put("notes", notes.stream().map(dev.nettune.Phrase::toString).toList());
            out.println(CliJson.write(m));
            out.flush();
            return;
        }
        notes.forEach(n -> out.println(CliText.format("rss.key.note", n.in(CliText.locale()))));
        out.println(CliText.format("rss.balance.flows", String.valueOf(r.flows()), String.valueOf(r.span().first()),
                String.valueOf(r.span().last()), String.valueOf(r.table().size())));
        out.println(CliText.format("rss.balance.today", decimal(r.today().maxOverMean()), decimal(r.today().coefficientOfVariation()),
                Arrays.toString(r.today().queueLoads())));
        for (BalanceProposal p : r.proposals()) {
            out.println(CliText.format("rss.balance.proposal." + p.mode().label(), decimal(p.stats().maxOverMean()),
                    decimal(p.stats().coefficientOfVariation()), p.improves() ? "" : CliText.get("rss.balance.keepsToday")));
            if (!p.improves()) {
                continue;
            }
            if (p.mode() == BalanceMode.RETA) {
                out.println("          testpmd:");
                BalanceService.testpmdLines(r, p, port).forEach(l -> out.println("            " + l));
                continue;
            }
            p.key().ifPresent(k -> out.println("          ethtool -X " + nicName + " hkey " + k.toColonHex()));
            p.weights().ifPresent(w -> out.println("          ethtool -X " + nicName + " " + w));
        }
        printPerQueue(out, r, today, counters);
        if (r.elephants().present()) {
            out.println(CliText.format("rss.balance.warning", r.elephants().said().in(CliText.locale())));
        }
        out.flush();
    }

    /** Per queue: today's predicted share, the observed share and the best proposal's predicted share; flagged lines marked. */
    private static void printPerQueue(PrintWriter out, BalanceReport r, PredictedVsObserved today,
                                      Optional<PredictedVsObserved.QueueCounts> counters) {
        Optional<BalanceProposal> best = r.best();
        Map<Integer, Double> proposed = new java.util.HashMap<>();
        best.ifPresent(b -> PredictedVsObserved.of(b.stats(), counters).queues().forEach(l -> proposed.put(l.queue(), l.predictedShare())));
        out.println(CliText.format("rss.balance.perQueue",
                best.map(b -> CliText.get("rss.balance.perQueue.proposal." + b.mode().label())).orElse("")));
        for (PredictedVsObserved.Line l : today.queues()) {
            out.printf(Locale.ROOT, "  %5d    %8.1f %%   %s   %s%s%s%n", l.queue(), 100 * l.predictedShare(),
                    l.observedShare().isPresent() ? String.format(Locale.ROOT, "%6.1f %%", 100 * l.observedShare().getAsDouble()) : "     -  ",
                    l.observedShare().isPresent() ? CliText.format("rss.balance.points", String.format(Locale.ROOT, "%+7.1f", 100 * l.difference()))
                            : "      -   ",
                    best.isPresent() ? String.format(Locale.ROOT, "   %8.1f %%", 100 * proposed.getOrDefault(l.queue(), 0.0)) : "",
                    l.flagged() ? CliText.get("rss.balance.off") : "");
        }
        out.println(CliText.format("rss.balance.observed", today.said().in(CliText.locale())));
    }

    /** A ratio as the report prints it: three decimals, a point whatever the language. */
    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static List<Map<String, Object>> perQueue(PredictedVsObserved c) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PredictedVsObserved.Line l : c.queues()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("queue", l.queue());
            e.put("predictedShare", l.predictedShare());
            e.put("observedShare", l.observedShare().isPresent() ? l.observedShare().getAsDouble() : null);
            e.put("difference", l.observedShare().isPresent() ? l.difference() : null);
            e.put("flagged", l.flagged());
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> stats(LoadStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxOverMean", s.maxOverMean());
        m.put("coefficientOfVariation", s.coefficientOfVariation());
        m.put("queueLoads", Arrays.stream(s.queueLoads()).boxed().toList());
        return m;
    }
}
