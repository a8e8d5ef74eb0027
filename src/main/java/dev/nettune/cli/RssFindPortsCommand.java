package dev.nettune.cli;

import dev.nettune.rss.Flow;
import dev.nettune.rss.FlowTarget;
import dev.nettune.rss.PortSide;
import dev.nettune.rss.PortSpan;
import dev.nettune.rss.ReverseSearch;
import dev.nettune.rss.RssCalculator;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nettune rss find-ports}: which source (or destination) ports send a flow to a queue or bucket. */
@Command(name = "find-ports", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reverse search: which source (or destination) ports send a flow to queue Q or bucket B.",
            "The rest of the tuple is fixed: give -R when varying the source port, -T when varying the destination."},
        footer = {"", "Example: nettune rss find-ports -t 10.0.0.252 -r 10.0.0.5 -R 80 --range 10000-20000 --queue 3 -k KEY --equal 4"})
final class RssFindPortsCommand implements Callable<Integer> {

    @Mixin
    RssFlowOptions flow;

    @Option(names = "--vary", paramLabel = "source|destination", defaultValue = "source", description = "Which port to search (default: ${DEFAULT-VALUE}).")
    String vary;

    @Option(names = "--range", paramLabel = "FROM-TO", defaultValue = "1024-65535", description = "Ports to try (default: ${DEFAULT-VALUE}).")
    String range;

    @Option(names = "--queue", paramLabel = "Q", description = "Target queue.")
    Integer queue;

    @Option(names = "--bucket", paramLabel = "B", description = "Target bucket (table index) instead of a queue.")
    Integer bucket;

    @Option(names = {"-k", "--key"}, paramLabel = "KEY", description = "The RSS key (or take it from --table FILE).")
    String key;

    @Option(names = "--key-length", paramLabel = "BYTES", defaultValue = "40", description = "Expected key length (default: ${DEFAULT-VALUE}).")
    int keyLength;

    @Mixin
    RssTableOptions table;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PortSide side = switch (vary) {
            case "source", "src" -> PortSide.SOURCE;
            case "destination", "dst" -> PortSide.DESTINATION;
            default -> throw new CliInputException(CliText.format("rss.findPorts.badVary", vary));
        };
        if ((queue == null) == (bucket == null)) {
            throw new CliInputException(CliText.get("rss.findPorts.oneTarget"));
        }
        FlowTarget target = queue != null ? FlowTarget.queue(queue) : FlowTarget.bucket(bucket);
        PortSpan r = PortSpan.parse(range);
        Flow template = flow.flow(side == PortSide.SOURCE, true);
        RssCalculator calc = new RssCalculator(table.key(key, keyLength), table.requiredTable());
        ReverseSearch.Result result = ReverseSearch.ports(calc, template, side, r.from(), r.to(), target);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vary", side.label());
            m.put("target", target.toString());
            m.put("scanned", result.scanned());
            m.put("count", result.ports().size());
            m.put("ports", result.ports());
            out.println(CliJson.write(m));
            return 0;
        }
        String fixed = side == PortSide.SOURCE ? CliText.format("rss.findPorts.destinationPort", String.valueOf(template.destinationPort()))
                : CliText.format("rss.findPorts.sourcePort", String.valueOf(template.sourcePort()));
        out.println(CliText.format(side == PortSide.SOURCE ? "rss.findPorts.summary.source" : "rss.findPorts.summary.destination",
                String.valueOf(result.ports().size()), String.valueOf(result.scanned()), String.valueOf(r.from()), String.valueOf(r.to()),
                template.protocol().label(), String.valueOf(template.source()), String.valueOf(template.destination()), fixed,
                CliText.format(target.bucket() ? "rss.target.bucket" : "rss.target.queue", String.valueOf(target.value()))));
        out.println(result.ports().isEmpty() ? CliText.get("rss.findPorts.none") : result.ranges());
        return 0;
    }
}
