package dev.nettune.cli;

import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.rss.IndirectionTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nettune rss show}: what a saved {@code ethtool -x} output says: rings, table, key, hash function. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Read a saved `ethtool -x NIC` output: ring count, table (with buckets per queue), key, hash function.",
        footer = {"", "Example: ethtool -x eth1 > eth1-rss.txt; nettune rss show --from eth1-rss.txt"})
final class RssShowCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The saved ethtool -x output.")
    Path from;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        EthtoolRss rss = RssTableOptions.readEthtool(from);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nic", rss.nic());
            m.put("rings", rss.ringCount().isPresent() ? rss.ringCount().getAsInt() : null);
            m.put("size", rss.table().map(IndirectionTable::size).orElse(null));
            m.put("table", rss.table().map(t -> Arrays.stream(t.entries()).boxed().toList()).orElse(null));
            m.put("counts", rss.table().map(RssShowCommand::counts).orElse(null));
            m.put("tableProblem", rss.tableProblem().orElse(null));
            m.put("key", rss.key().map(Object::toString).orElse(null));
            m.put("keyLength", rss.key().map(k -> k.length()).orElse(null));
            m.put("keyProblem", rss.keyProblem().orElse(null));
            m.put("hashFunction", rss.activeHashFunction().orElse(null));
            out.println(CliJson.write(m));
            return 0;
        }
        // Each label is padded in its own language (a Chinese character takes two columns), so values line up.
        out.println(CliText.format("rss.show.nic", rss.nic()));
        out.println(rss.ringCount().isPresent() ? CliText.format("rss.show.rings", String.valueOf(rss.ringCount().getAsInt()))
                : CliText.get("rss.show.ringsUnknown"));
        out.println(rss.activeHashFunction().map(f -> CliText.format("rss.show.hashFunction", f)).orElse(CliText.get("rss.show.noHashFunction")));
        if (rss.key().isPresent()) {
            out.println(CliText.format("rss.show.key", rss.key().get().toString(), String.valueOf(rss.key().get().length())));
        } else {
            out.println(CliText.format("rss.show.noKey", rss.keyReason().map(p -> p.in(CliText.locale())).orElse("")));
        }
        if (rss.table().isPresent()) {
            IndirectionTable t = rss.table().get();
            out.println(CliText.format("rss.show.table", String.valueOf(t.size())));
            out.print(EthtoolRssParser.formatTable(rss.nic(), rss.ringCount().orElse(t.highestQueue() + 1), t));
            out.println(CliText.get("rss.table.bucketsPerQueue"));
            t.bucketsPerQueue().forEach((q, n) -> out.println(CliText.format("rss.table.queueLine", String.valueOf(q), String.valueOf(n),
                    String.format(java.util.Locale.ROOT, "%.2f", 100.0 * n / t.size()))));
        } else {
            out.println(CliText.format("rss.show.noTable", rss.tableReason().map(p -> p.in(CliText.locale())).orElse("")));
        }
        return 0;
    }

    private static Map<String, Integer> counts(IndirectionTable t) {
        Map<String, Integer> c = new LinkedHashMap<>();
        t.bucketsPerQueue().forEach((q, n) -> c.put(Integer.toString(q), n));
        return c;
    }
}
