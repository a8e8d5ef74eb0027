package dev.nettune.cli;

import dev.nettune.rss.FlowCsv;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.KeySolver;
import dev.nettune.rss.Protocol;
import dev.nettune.rss.RssKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nettune rss solve}: a key that sends each given flow to its chosen queue, or the flows that conflict. */
@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve for an RSS key that sends each flow to the queue (or bucket) you choose, under a given table.",
            "The Toeplitz hash is linear in the key bits, so this is Gaussian elimination over GF(2); the key is",
            "verified by hashing every flow. If no key can do it, the flows that conflict are named (exit 2)."},
        footer = {"", "Examples:",
            "  nettune rss solve --equal 4 --flow 10.0.0.252:10000,10.0.0.5:80=0 --flow 10.0.0.252:10001,10.0.0.5:80=3",
            "  nettune rss solve --table eth1-rss.txt --flows goals.csv --free base   (CSV: src,dst,sport,dport,queue)"})
final class RssSolveCommand implements Callable<Integer> {

    @Option(names = "--flow", paramLabel = "SRC:SPORT,DST:DPORT=QUEUE", description = "A flow and its target queue (=bucket:B for a bucket); repeat it. IPv6 as [fd00::1]:443.")
    List<String> flows = new ArrayList<>();

    @Option(names = "--flows", paramLabel = "CSV", description = "Flows and targets from a CSV: src,dst,sport,dport,queue.")
    Path csv;

    @Option(names = "--proto", paramLabel = "tcp|udp", defaultValue = "tcp", description = "Protocol of flows with ports (the hash is the same for both).")
    String protocol;

    @Mixin
    RssTableOptions table;

    @Option(names = "--key-length", paramLabel = "BYTES", defaultValue = "40", description = "Length of the key to solve (default: ${DEFAULT-VALUE}).")
    int keyLength;

    @Option(names = "--free", paramLabel = "random|zero|base", defaultValue = "random",
            description = "Where unconstrained key bits come from: random (SecureRandom, the default), zero, or base (the key of -k or --table).")
    String free;

    @Option(names = {"-k", "--key"}, paramLabel = "KEY", description = "Base key for --free base (default: the key in --table FILE).")
    String baseKey;

    @Option(names = "--seed", paramLabel = "N", description = "Repeatable result: a seeded java.util.Random instead of SecureRandom (for tests, not for production keys).")
    Long seed;

    @Option(names = "--max-tries", paramLabel = "N", defaultValue = "50000", description = "Bucket choices to try before giving up (default: ${DEFAULT-VALUE}).")
    int maxTries;

    @Option(names = "--nic", paramLabel = "NAME", defaultValue = "eth0", description = "Interface name in the printed ethtool command.")
    String nic;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Protocol p = Protocol.parse(protocol);
        if (!p.hashesPorts()) {
            throw new CliInputException(CliText.format("rss.solve.portsNeedTcpOrUdp", protocol));
        }
        List<KeySolver.Goal> goals = new ArrayList<>();
        for (String f : flows) {
            goals.add(FlowGoalArgument.parse(f, p));
        }
        if (csv != null) {
            FlowCsv.Result r = FlowCsv.parse(RssTableOptions.readFile(csv), true);
            if (!r.problems().isEmpty()) {
                r.problems().forEach(pr -> spec.commandLine().getErr().println("nettune: " + csv + " " + pr.phrase().in(CliText.locale())));
                throw new CliInputException(CliText.format("rss.solve.badRows", String.valueOf(r.problems().size()), csv));
            }
            r.rows().forEach(row -> goals.add(KeySolver.Goal.toQueue(row.flow(), row.queue().orElseThrow())));
        }
        if (goals.isEmpty()) {
            throw new CliInputException(CliText.get("rss.solve.noFlows"));
        }
        IndirectionTable t = table.requiredTable();
        KeySolver.Options o = KeySolver.Options.defaults().withKeyLength(keyLength).withMaxTries(maxTries);
        if (seed != null) {
            o = o.withRandom(new Random(seed));
        }
        switch (free) {
            case "random" -> { }
            case "zero" -> o = o.withFreeBits(KeySolver.FreeBits.ZERO);
            case "base" -> {
                RssKey base = table.key(baseKey, keyLength);
                o = o.withBaseKey(base);
            }
            default -> throw new CliInputException(CliText.format("rss.solve.badFree", free));
        }
        KeySolver.Result result = new KeySolver(t).solve(goals, o);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("solved", result.solved());
            result.solution().ifPresent(s -> {
                m.put("key", s.key().toColonHex());
                m.put("bucketsUsed", List.copyOf(s.bucketsUsed()));
                List<Map<String, Object>> ps = new ArrayList<>();
                for (KeySolver.Placement pl : s.placements()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("flow", CliJson.flow(pl.flow()));
                    e.put("target", pl.target().toString());
                    e.put("hash", String.format("0x%08x", pl.hash()));
                    e.put("index", pl.bucket());
                    e.put("queue", pl.queue());
                    ps.add(e);
                }
                m.put("flows", ps);
            });
            List<Map<String, Object>> cs = new ArrayList<>();
            result.conflicts().forEach(c -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("flows", c.goals());
                e.put("reason", c.reason());
                cs.add(e);
            });
            m.put("conflicts", cs);
            out.println(CliJson.write(m));
        }
        if (!result.solved()) {
            result.conflicts().forEach(c -> spec.commandLine().getErr().println("nettune: " + c.reason(CliText.locale())));
            return NetTuneCommand.EXIT_BAD_INPUT;
        }
        if (json) {
            return 0;
        }
        KeySolver.Solution s = result.solution().orElseThrow();
        out.println(CliText.format("rss.solve.key", s.key().toColonHex()));
        out.println(CliText.format("rss.solve.set", "ethtool -X " + nic + " hkey " + s.key().toColonHex()));
        out.println(CliText.format("rss.solve.bucketsUsed", String.valueOf(s.bucketsUsed())));
        out.println(CliText.get("rss.solve.verified"));
        for (KeySolver.Placement pl : s.placements()) {
            out.println(CliText.format("rss.solve.placement", String.valueOf(pl.goal()), pl.flow().toString(),
                    String.format("0x%08x", pl.hash()), String.valueOf(pl.bucket()), String.valueOf(pl.queue()),
                    CliText.format(pl.target().bucket() ? "rss.target.bucket" : "rss.target.queue", String.valueOf(pl.target().value()))));
        }
        return 0;
    }
}
