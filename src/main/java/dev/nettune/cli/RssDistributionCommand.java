package dev.nettune.cli;

import dev.nettune.rss.ChiSquare;
import dev.nettune.rss.Distribution;
import dev.nettune.rss.Flow;
import dev.nettune.rss.FlowCsv;
import dev.nettune.rss.FlowPopulation;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.PortSide;
import dev.nettune.rss.PortSpan;
import dev.nettune.rss.RssCalculator;
import dev.nettune.rss.Ipv4FlowLine;
import dev.nettune.rss.RssInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nettune rss distribution}: how a population of flows spreads over the queues, beside a uniform hash. */
@Command(name = "distribution", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"How a population of flows spreads over the queues, beside a uniform hash, with chi-square.",
            "A uniform hash gives each queue its buckets / table size. Populations:",
            "  --packets N --baseport B  the seed's hping3 scenario 1: source port B, B+1, ... per packet,",
            "                            random destination ports (or --dport P: hping3 keeps -p without 'x' addresses)",
            "  --sweep source|destination --range FROM-TO   one flow with a port swept",
            "  --flows CSV               src,dst,sport,dport rows"},
        footer = {"", "Example: nettune rss distribution -t 10.0.0.252 -r 10.0.0.5 --packets 10000 --baseport 10000 -k KEY --equal 4"})
final class RssDistributionCommand implements Callable<Integer> {

    @Mixin
    RssFlowOptions flow;

    @Option(names = "--packets", paramLabel = "N", description = "hping3 scenario: number of packets (-c).")
    Integer packets;

    @Option(names = "--baseport", paramLabel = "B", defaultValue = "10000", description = "hping3 scenario: first source port (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--dport", paramLabel = "P", description = "hping3 scenario: a fixed destination port instead of random ones.")
    Integer dport;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the random destination ports (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sweep", paramLabel = "source|destination", description = "Sweep one port of the flow over --range.")
    String sweep;

    @Option(names = "--range", paramLabel = "FROM-TO", defaultValue = "1024-65535", description = "Ports of --sweep (default: ${DEFAULT-VALUE}).")
    String range;

    @Option(names = "--flows", paramLabel = "CSV", description = "Flows from a CSV: src,dst,sport,dport.")
    Path csv;

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
        int chosen = (packets != null ? 1 : 0) + (sweep != null ? 1 : 0) + (csv != null ? 1 : 0);
        if (chosen != 1) {
            throw new CliInputException(CliText.get("rss.distribution.onePopulation"));
        }
        IndirectionTable t = table.requiredTable();
        RssCalculator calc = new RssCalculator(table.key(key, keyLength), t);
        Distribution d = csv != null ? streamCsv(calc) : Distribution.of(calc, population());
        PrintWriter out = spec.commandLine().getOut();
        ChiSquare qc = d.queueChiSquare();
        ChiSquare bc = d.bucketChiSquare();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("flows", d.flows());
            List<Map<String, Object>> qs = new ArrayList<>();
            for (Distribution.QueueLoad q : d.queues()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("queue", q.queue());
                e.put("buckets", q.buckets());
                e.put("flows", q.flows());
                e.put("share", q.share());
                e.put("expectedShare", q.expectedShare());
                qs.add(e);
            }
            m.put("queues", qs);
            m.put("buckets", d.bucketFlows());
            m.put("queueChiSquare", Map.of("statistic", qc.statistic(), "dof", qc.degreesOfFreedom(), "p", qc.pValue()));
            m.put("bucketChiSquare", Map.of("statistic", bc.statistic(), "dof", bc.degreesOfFreedom(), "p", bc.pValue()));
            out.println(CliJson.write(m));
            return 0;
        }
        out.println(CliText.format("rss.distribution.summary", String.valueOf(d.flows()), String.valueOf(t.size()), table.describe()));
        out.println(CliText.get("rss.distribution.header"));
        for (Distribution.QueueLoad q : d.queues()) {
            out.printf("%5d  %7d  %9d  %5.2f%%  %7.2f%%%n", q.queue(), q.buckets(), q.flows(), 100 * q.share(), 100 * q.expectedShare());
        }
        out.println(CliText.format("rss.distribution.chiSquare", String.format("%.2f", qc.statistic()), String.valueOf(qc.degreesOfFreedom()),
                String.format("%.4f", qc.pValue()), String.format("%.2f", bc.statistic()), String.valueOf(bc.degreesOfFreedom()),
                String.format("%.4f", bc.pValue())));
        return 0;
    }

    private FlowPopulation population() {
        if (packets != null) {
            Flow f = flow.addressesForScenario();
            return new FlowPopulation.Hping(f.source(), f.destination(), packets, basePort,
                    dport == null ? OptionalInt.empty() : OptionalInt.of(dport), f.protocol(), seed);
        }
        PortSide side = switch (sweep) {
            case "source", "src" -> PortSide.SOURCE;
            case "destination", "dst" -> PortSide.DESTINATION;
            default -> throw new CliInputException(CliText.format("rss.distribution.badSweep", sweep));
        };
        PortSpan r = PortSpan.parse(range);
        return new FlowPopulation.PortSweep(flow.flow(side == PortSide.SOURCE, true), side, r.from(), r.to());
    }

    /**
     * Counts the CSV's flows line by line into per-bucket totals: memory stays the same for a
     * million flows as for ten. Bad rows are reported with their line number and skipped.
     */
    private Distribution streamCsv(RssCalculator calc) {
        Distribution.Counter counter = new Distribution.Counter(calc);
        Ipv4FlowLine fast = new Ipv4FlowLine();
        PrintWriter err = spec.commandLine().getErr();
        try (InputStream in = InputFiles.openStream(csv.toString(), "--flows")) {
            ByteLines lines = new ByteLines(in);
            int n = 0;
            long good = 0;
            long bad = 0;
            String firstBad = null;
            while (lines.next()) {
                n++;
                if (fast.parse(lines.buffer(), lines.start(), lines.length())) {
                    counter.addIpv4(fast.source(), fast.destination(), fast.sourcePort(), fast.destinationPort());
                    good++;
                    continue;
                }
                try {
                    if (FlowCsv.parseLine(n, lines.text(), false).map(r -> {
                        counter.add(r.flow());
                        return true;
                    }).isPresent()) {
                        good++;
                    }
                } catch (RssInputException e) {
                    bad++;
                    String problem = FlowCsv.onLine(n, dev.nettune.host.Printable.escape(CliText.problem(e))).in(CliText.locale());
                    firstBad = firstBad == null ? problem : firstBad;
                    err.println("nettune: " + InputFiles.shown(csv) + " " + problem);
                }
            }
            if (good == 0) {
                // Nothing counted is not a distribution: exit 2 instead of a table of zeros.
                throw new CliInputException(bad == 0 ? CliText.format("rss.distribution.noRows", InputFiles.shown(csv))
                        : CliText.format("rss.distribution.allRowsBad", InputFiles.shown(csv), String.valueOf(bad), firstBad));
            }
        } catch (InputFiles.LineTooLongException e) {
            throw new CliInputException("--flows " + InputFiles.shown(csv) + ": " + CliText.problem(e));
        } catch (IOException e) {
            throw new CliInputException(CliText.format("rss.distribution.unreadable", InputFiles.shown(csv)));
        }
        return counter.result();
    }
}
