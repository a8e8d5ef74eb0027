package dev.nettune.cli;

import dev.nettune.rss.Flow;
import dev.nettune.rss.FlowCsv;
import dev.nettune.rss.FlowResult;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nettune rss hash}: the Toeplitz hash, bucket and queue of one flow, or of a CSV of flows. */
@Command(name = "hash", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Hash a flow as the NIC does: hash (hex and decimal), bucket index = hash mod table size, queue.",
            "Compatible with the seed's ali_ecs_rss_calc.py: -t sender, -r receiver, -T/-R their ports.",
            "With --batch, reads CSV src,dst,sport,dport (empty ports = 2-tuple) and writes",
            "src,dst,sport,dport,hash,index,queue; bad rows go to stderr with their line number (exit 2)."},
        footer = {"", "Example: nettune rss hash -t 10.0.0.251 -r 10.0.0.1 -T 18042 -R 26000 -k 69:e8:7c:...:0c:c6 --equal 64"})
final class RssHashCommand implements Callable<Integer> {

    @Mixin
    RssFlowOptions flow;

    @Option(names = {"-k", "--key"}, paramLabel = "KEY", description = "The RSS key: 6d:5a:..., plain hex or 0x...")
    String key;

    @Option(names = "--key-length", paramLabel = "BYTES", defaultValue = "40", description = "Expected key length (default: ${DEFAULT-VALUE}, an ENI's).")
    int keyLength;

    @Mixin
    RssTableOptions table;

    @Option(names = "--batch", paramLabel = "FILE|-", description = "Hash every row of a CSV file (- reads standard input).")
    String batch;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RssKey k = table.key(key, keyLength);
        Optional<IndirectionTable> t = table.table();
        PrintWriter out = spec.commandLine().getOut();
        if (batch != null) {
            if (flow.any()) {
                throw new CliInputException("--batch reads the flows from the CSV: drop -t, -r, -T, -R and --proto.");
            }
            if (json) {
                throw new CliInputException("--batch writes CSV: drop --json.");
            }
            return batch(new ToeplitzHash(k), t, out, spec.commandLine().getErr());
        }
        FlowResult r = calculate(new ToeplitzHash(k), t, flow.flow());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("flow", CliJson.flow(r.flow()));
            m.put("hash", r.hashed() ? r.hashHex() : null);
            m.put("hashDecimal", r.hashed() ? r.hashUnsigned() : null);
            m.put("index", r.hashed() ? r.index() : null);
            m.put("tableSize", t.map(IndirectionTable::size).orElse(table.size));
            m.put("queue", t.isPresent() || !r.hashed() ? r.queue() : null);
            out.println(CliJson.write(m));
            return 0;
        }
        out.println("flow:   " + r.flow());
        if (!r.hashed()) {
            out.println("hash:   none (non-IP traffic is not hashed)");
            out.println("queue:  0 (the default queue for non-IP traffic)");
            return 0;
        }
        int size = t.map(IndirectionTable::size).orElse(table.size);
        out.println("hash:   " + r.hashHex() + " (" + r.hashUnsigned() + ")");
        out.println("index:  " + r.index() + " (hash mod " + size + ")");
        if (t.isPresent()) {
            out.println("queue:  " + r.queue() + " (table " + table.describe() + ")");
        } else {
            out.println("queue:  unknown: give the table (--equal N, --weight W..., --rings R or --table FILE) to map index "
                    + r.index() + " to a queue");
        }
        return 0;
    }

    /** Hash, index and, if a table is known, the queue; without a table the index uses --size. */
    private FlowResult calculate(ToeplitzHash hash, Optional<IndirectionTable> t, Flow f) {
        if (!f.protocol().isHashed()) {
            return new FlowResult(f, 0, FlowResult.NO_BUCKET, 0);
        }
        int h = hash.hash(f);
        if (t.isPresent()) {
            int index = t.get().indexOf(h);
            return new FlowResult(f, h, index, t.get().entry(index));
        }
        if (table.size < 1) {
            throw new CliInputException("--size " + table.size + " is out of range: 1-65536 entries (an ENI has 128).");
        }
        return new FlowResult(f, h, Integer.remainderUnsigned(h, table.size), -1);
    }

    private int batch(ToeplitzHash hash, Optional<IndirectionTable> t, PrintWriter out, PrintWriter err) {
        int bad = 0;
        out.println("src,dst,sport,dport,hash,index,queue");
        try (BufferedReader in = open(batch)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                try {
                    Optional<FlowCsv.Row> row = FlowCsv.parseLine(n, line, false);
                    if (row.isEmpty()) {
                        continue;
                    }
                    Flow f = row.get().flow();
                    FlowResult r = calculate(hash, t, f);
                    boolean ports = f.protocol().hashesPorts();
                    out.println(f.source() + "," + f.destination() + "," + (ports ? f.sourcePort() : "") + ","
                            + (ports ? f.destinationPort() : "") + "," + r.hashHex() + "," + r.index() + ","
                            + (t.isPresent() ? Integer.toString(r.queue()) : ""));
                } catch (RssInputException e) {
                    bad++;
                    err.println("nettune: " + (batch.equals("-") ? "stdin" : batch) + " line " + n + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        if (bad > 0) {
            err.println("nettune: " + bad + " bad row(s) skipped; the other rows were hashed.");
            return NetTuneCommand.EXIT_BAD_INPUT;
        }
        return 0;
    }

    private static BufferedReader open(String name) throws IOException {
        if (name.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        Path p = Path.of(name);
        if (!Files.isReadable(p)) {
            throw new CliInputException("Cannot read " + name + ": no such readable file. Give a CSV file or - for standard input.");
        }
        return Files.newBufferedReader(p, StandardCharsets.UTF_8);
    }
}
