package dev.nettune.cli;

import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.rss.IndirectionTable;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nettune rss table}: the table an {@code ethtool -X} request gives, in {@code ethtool -x} layout or JSON. */
@Command(name = "table", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the indirection table that ethtool -X would write, in ethtool -x layout, with the buckets per queue.",
            "Exactly ethtool's fill: equal N -> entry i = start + i mod N; weight -> contiguous blocks; default -> i mod rings."},
        footer = {"", "Examples:", "  nettune rss table --weight 6 4", "  nettune rss table --start 2 --equal 40 --rings 64 --json"})
final class RssTableCommand implements Callable<Integer> {

    @Mixin
    RssTableOptions table;

    @Option(names = "--nic", paramLabel = "NAME", defaultValue = "eth0", description = "Interface name for the header (default: ${DEFAULT-VALUE}).")
    String nic;

    @Option(names = "--json", description = "Print {\"size\":..,\"table\":[..],\"counts\":{..}}.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        IndirectionTable t = table.requiredTable();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("size", t.size());
            m.put("table", Arrays.stream(t.entries()).boxed().toList());
            Map<String, Integer> counts = new LinkedHashMap<>();
            t.bucketsPerQueue().forEach((q, n) -> counts.put(Integer.toString(q), n));
            m.put("counts", counts);
            if (table.tableFile == null) {
                m.put("ethtool", "ethtool -X " + nic + " " + table.spec());
            }
            out.println(CliJson.write(m));
            return 0;
        }
        int rings = t.ringCount().orElse(t.highestQueue() + 1);
        out.print(EthtoolRssParser.formatTable(nic, rings, t));
        out.println(CliText.get("rss.table.bucketsPerQueue"));
        t.bucketsPerQueue().forEach((q, n) -> out.println(CliText.format("rss.table.queueLine", String.valueOf(q), String.valueOf(n),
                String.format(java.util.Locale.ROOT, "%.2f", 100.0 * n / t.size()))));
        if (table.tableFile == null) {
            out.println(CliText.format("rss.table.setWith", "ethtool -X " + nic + " " + table.spec()));
        }
        return 0;
    }
}
