package dev.nettune.cli;

import dev.nettune.rss.Flow;
import dev.nettune.rss.FlowCsv;
import dev.nettune.rss.FlowResult;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.Ipv4FlowHash;
import dev.nettune.rss.Ipv4FlowLine;
import dev.nettune.rss.Ipv6FlowHash;
import dev.nettune.rss.Ipv6FlowLine;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
                throw new CliInputException(CliText.get("rss.hash.batchTakesNoFlow"));
            }
            if (json) {
                throw new CliInputException(CliText.get("rss.hash.batchTakesNoJson"));
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
        out.println(CliText.format("rss.hash.flow", r.flow().toString()));
        if (!r.hashed()) {
            out.println(CliText.get("rss.hash.none"));
            out.println(CliText.get("rss.hash.defaultQueue"));
            return 0;
        }
        int size = t.map(IndirectionTable::size).orElse(table.size);
        out.println(CliText.format("rss.hash.hash", r.hashHex(), String.valueOf(r.hashUnsigned())));
        out.println(CliText.format("rss.hash.index", String.valueOf(r.index()), String.valueOf(size)));
        if (t.isPresent()) {
            out.println(CliText.format("rss.hash.queue", String.valueOf(r.queue()), table.describe()));
        } else {
            out.println(CliText.format("rss.hash.noTable", String.valueOf(r.index())));
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
            throw new CliInputException(CliText.format("rss.hash.badSize", String.valueOf(table.size)));
        }
        return new FlowResult(f, h, Integer.remainderUnsigned(h, table.size), -1);
    }

    /**
     * Streams the CSV: one line in, one line out, nothing kept. Plain IPv4 and IPv6 4-tuple rows take an
     * allocation-free path (ints in, characters into one buffer); every other row goes through
     * {@link FlowCsv}, which also names what is wrong with a bad one. Output is written in large
     * blocks: the console writer flushes on every println, which cost more than the hashing.
     */
    private int batch(ToeplitzHash hash, Optional<IndirectionTable> t, PrintWriter out, PrintWriter err) {
        int bad = 0;
        CsvOut o = new CsvOut(out);
        o.text("src,dst,sport,dport,hash,index,queue\n");
        Ipv4FlowLine fast = new Ipv4FlowLine();
        // One key for the whole file: its 11-bit tables cost about 0.1 ms once and save 2 of 8 lookups a row.
        Ipv4FlowHash wide = new Ipv4FlowHash(hash);
        boolean haveDestination = false;
        int lastDestination = 0;
        int destinationPart = 0;
        Ipv6FlowLine fast6 = new Ipv6FlowLine();
        Ipv6Rows six = new Ipv6Rows(hash);
        int[] entries = t.map(IndirectionTable::entries).orElse(null);
        int size = t.map(IndirectionTable::size).orElse(table.size);
        if (t.isEmpty() && size < 1) {
            throw new CliInputException(CliText.format("rss.hash.badSize", String.valueOf(table.size)));
        }
        try (InputStream in = open(batch)) {
            ByteLines lines = new ByteLines(in);
            int n = 0;
            while (lines.next()) {
                n++;
                if (fast.parse(lines.buffer(), lines.start(), lines.length())) {
                    // Flows to one NIC repeat the destination: its part of the hash is kept while it does.
                    if (!haveDestination || fast.destination() != lastDestination) {
                        lastDestination = fast.destination();
                        destinationPart = wide.destination(lastDestination);
                        haveDestination = true;
                    }
                    int h = wide.hash(fast.source(), destinationPart, fast.sourcePort(), fast.destinationPort());
                    int index = Integer.remainderUnsigned(h, size);
                    if (fast.canonical()) {
                        // The row is already the flow as printed: copy it rather than format ten numbers again.
                        o.ascii(lines.buffer(), lines.start(), lines.length()).comma();
                    } else {
                        o.ipv4(fast.source()).comma().ipv4(fast.destination()).comma().number(fast.sourcePort()).comma()
                                .number(fast.destinationPort()).comma();
                    }
                    o.hex(h).comma().number(index).comma();
                    if (entries != null) {
                        o.number(entries[index]);
                    }
                    o.newline();
                    continue;
                }
                if (fast6.parse(lines.buffer(), lines.start(), lines.length())) {
                    six.row(fast6, size, entries, o);
                    continue;
                }
                if (!slowRow(n, lines.text(), hash, t, o, err)) {
                    bad++;
                }
            }
        } catch (InputFiles.LineTooLongException e) {
            o.flush();
            throw new CliInputException("--batch " + dev.nettune.host.Printable.clip(batch) + ": " + CliText.problem(e));
        } catch (IOException e) {
            o.flush();
            throw new CliInputException(CliText.format("rss.hash.unreadableBatch", dev.nettune.host.Printable.clip(batch)));
        }
        o.flush();
        out.flush();
        if (bad > 0) {
            err.println("nettune: " + CliText.format("rss.hash.badRows", String.valueOf(bad)));
            return NetTuneCommand.EXIT_BAD_INPUT;
        }
        return 0;
    }

    /**
     * The IPv6 rows' side of the batch: {@link Ipv6FlowHash}'s 11-bit tables, built at the first IPv6 row (a file of
     * IPv4 rows never pays for them), and the destination's part of the hash, kept while rows repeat the destination.
     * Apart from the loop, so the loop the JIT compiles stays small.
     */
    private static final class Ipv6Rows {
        private final ToeplitzHash hash;
        private Ipv6FlowHash wide;
        private int d0;
        private int d1;
        private int d2;
        private int d3;
        private int destinationPart;

        Ipv6Rows(ToeplitzHash hash) {
            this.hash = hash;
        }

        void row(Ipv6FlowLine f, int size, int[] entries, CsvOut o) {
            if (wide == null || f.destination(0) != d0 || f.destination(1) != d1 || f.destination(2) != d2
                    || f.destination(3) != d3) {
                if (wide == null) {
                    wide = new Ipv6FlowHash(hash);
                }
                d0 = f.destination(0);
                d1 = f.destination(1);
                d2 = f.destination(2);
                d3 = f.destination(3);
                destinationPart = wide.destination(d0, d1, d2, d3);
            }
            int h = wide.hash(f.source(0), f.source(1), f.source(2), f.source(3), destinationPart, f.sourcePort(),
                    f.destinationPort());
            int index = Integer.remainderUnsigned(h, size);
            o.ipv6(f.source(0), f.source(1), f.source(2), f.source(3)).comma().ipv6(d0, d1, d2, d3).comma()
                    .number(f.sourcePort()).comma().number(f.destinationPort()).comma().hex(h).comma().number(index).comma();
            if (entries != null) {
                o.number(entries[index]);
            }
            o.newline();
        }
    }

    /**
     * A row the fast paths left (a 2-tuple, a header, a mistake) through {@link FlowCsv}, which says what is
     * wrong with a bad one; false for a bad row. Apart from the loop, so the loop the JIT compiles stays small.
     */
    private boolean slowRow(int n, String text, ToeplitzHash hash, Optional<IndirectionTable> t, CsvOut o, PrintWriter err) {
        try {
            Optional<FlowCsv.Row> row = FlowCsv.parseLine(n, text, false);
            if (row.isEmpty()) {
                return true;
            }
            Flow f = row.get().flow();
            FlowResult r = calculate(hash, t, f);
            boolean ports = f.protocol().hashesPorts();
            o.text(f.source() + "," + f.destination() + "," + (ports ? f.sourcePort() : "") + ","
                    + (ports ? f.destinationPort() : "") + ",").hex(r.hash()).comma().number(r.index()).comma();
            if (t.isPresent()) {
                o.number(r.queue());
            }
            o.newline();
            return true;
        } catch (RssInputException e) {
            o.flush();
            err.println("nettune: " + (batch.equals("-") ? CliText.get("rss.hash.stdin") : dev.nettune.host.Printable.clip(batch)) + " "
                    + FlowCsv.onLine(n, dev.nettune.host.Printable.escape(CliText.problem(e))).in(CliText.locale()));
            return false;
        }
    }

    /**
     * CSV output in one reused block of ASCII bytes, written out when nearly full (64 KB): straight to the console's
     * bytes when {@link CliOut#asciiBytes()} offers them (everything here is digits, dots, commas and addresses
     * NetTune formatted, so there is nothing to escape or encode), else as characters through the command's writer.
     */
    private static final class CsvOut {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private final PrintWriter out;
        private final OutputStream bytes;
        private final byte[] buf = new byte[1 << 16];
        private final int[] groups = new int[8];
        private int len;

        CsvOut(PrintWriter out) {
            this.out = out;
            this.bytes = out instanceof CliOut c ? c.asciiBytes().orElse(null) : null;
            // What the writer holds goes out before the first byte written beside it.
            out.flush();
        }

        /** Text NetTune formatted (the header, a slow row's addresses); anything but printable ASCII shows as '?'. */
        CsvOut text(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                buf[len++] = (byte) ((c >= 0x20 && c < 0x7f) || c == '\n' ? c : '?');
            }
            return this;
        }

        /** ASCII bytes as they are (a row the fast path read: digits, dots and commas, at most 43 of them). */
        CsvOut ascii(byte[] b, int off, int n) {
            ensure(n);
            System.arraycopy(b, off, buf, len, n);
            len += n;
            return this;
        }

        CsvOut comma() {
            put(',');
            return this;
        }

        void newline() {
            put('\n');
            if (len > buf.length - 256) {
                flush();
            }
        }

        CsvOut ipv4(int a) {
            number(a >>> 24).put('.');
            number((a >>> 16) & 0xff).put('.');
            number((a >>> 8) & 0xff).put('.');
            return number(a & 0xff);
        }

        /**
         * An IPv6 address from its big-endian words as {@link dev.nettune.rss.IpAddress#toString()} prints it:
         * lowercase groups without leading zeros, the longest run of two or more zero groups (the first of equals) as
         * {@code ::}.
         */
        CsvOut ipv6(int w0, int w1, int w2, int w3) {
            int[] g = groups;
            g[0] = w0 >>> 16;
            g[1] = w0 & 0xffff;
            g[2] = w1 >>> 16;
            g[3] = w1 & 0xffff;
            g[4] = w2 >>> 16;
            g[5] = w2 & 0xffff;
            g[6] = w3 >>> 16;
            g[7] = w3 & 0xffff;
            int bestStart = -1;
            int bestLen = 1;
            for (int i = 0; i < 8; ) {
                if (g[i] == 0) {
                    int j = i;
                    while (j < 8 && g[j] == 0) {
                        j++;
                    }
                    if (j - i > bestLen) {
                        bestStart = i;
                        bestLen = j - i;
                    }
                    i = j;
                } else {
                    i++;
                }
            }
            ensure(41);
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    buf[len++] = ':';
                    buf[len++] = ':';
                    i += bestLen - 1;
                    continue;
                }
                if (i > 0 && i != bestStart + bestLen) {
                    buf[len++] = ':';
                }
                int v = g[i];
                for (int shift = v >= 0x1000 ? 12 : v >= 0x100 ? 8 : v >= 0x10 ? 4 : 0; shift >= 0; shift -= 4) {
                    buf[len++] = HEX[(v >>> shift) & 0xf];
                }
            }
            return this;
        }

        /** A non-negative int in decimal. */
        CsvOut number(int v) {
            if (v < 0) {
                return text(Integer.toString(v));
            }
            if (v < 10) {
                put((char) ('0' + v));
                return this;
            }
            int digits = v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : Integer.toString(v).length();
            ensure(digits);
            for (int i = len + digits - 1; i >= len; i--) {
                buf[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            len += digits;
            return this;
        }

        /** {@code 0x%08x}, as {@link FlowResult#hashHex()} prints it. */
        CsvOut hex(int h) {
            ensure(10);
            buf[len++] = '0';
            buf[len++] = 'x';
            for (int shift = 28; shift >= 0; shift -= 4) {
                buf[len++] = HEX[(h >>> shift) & 0xf];
            }
            return this;
        }

        private CsvOut put(char c) {
            ensure(1);
            buf[len++] = (byte) c;
            return this;
        }

        private void ensure(int n) {
            if (len + n > buf.length) {
                flush();
            }
        }

        void flush() {
            if (len == 0) {
                return;
            }
            if (bytes != null) {
                try {
                    bytes.write(buf, 0, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                out.write(new String(buf, 0, len, StandardCharsets.ISO_8859_1));
            }
            len = 0;
        }
    }

    private static InputStream open(String name) throws IOException {
        return InputFiles.openStream(name, "--batch");
    }
}
