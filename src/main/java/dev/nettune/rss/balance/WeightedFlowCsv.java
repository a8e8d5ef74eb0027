package dev.nettune.rss.balance;

import dev.nettune.rss.Flow;
import dev.nettune.rss.FlowCsv;
import dev.nettune.rss.RssInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Observed flows as CSV, read a line at a time: {@code src,dst,sport,dport[,weight]} with a header
 * line, the {@code rss hash --batch} layout plus an optional weight (packets or bytes; default 1).
 * Empty ports mean the addresses-only 2-tuple. Bad rows are handed to a problem sink with their
 * line number and the good rows go on.
 */
public final class WeightedFlowCsv {
    private WeightedFlowCsv() {
    }

    /** Reads every row, handing each good one to {@code flows} and each bad one to {@code problems}; returns rows read. */
    public static long read(BufferedReader in, Consumer<ObservedFlow> flows, Consumer<FlowCsv.Problem> problems) {
        long n = 0;
        try {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                try {
                    Optional<ObservedFlow> f = parseLine(lineNo, line);
                    if (f.isPresent()) {
                        flows.accept(f.get());
                        n++;
                    }
                } catch (RssInputException e) {
                    problems.accept(new FlowCsv.Problem(lineNo, line, e.phrase()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /** One line: empty for blanks, comments and the header. */
    public static Optional<ObservedFlow> parseLine(int lineNumber, String line) {
        String t = line == null ? "" : line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.toLowerCase(Locale.ROOT).startsWith("src")) {
            return Optional.empty();
        }
        int cut = nthComma(t, 4);
        if (cut < 0) {
            Optional<FlowCsv.Row> row = FlowCsv.parseLine(lineNumber, t, false);
            return row.map(r -> new ObservedFlow(r.flow(), 1));
        }
        String w = t.substring(cut + 1).strip();
        if (w.indexOf(',') >= 0) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.csv.tooManyColumns", "expected 4 or 5 columns (src,dst,sport,dport[,weight]),"
                    + " found more."));
        }
        long weight = weight(w);
        Flow flow = FlowCsv.parseLine(lineNumber, t.substring(0, cut), false).orElseThrow(
                () -> new RssInputException(dev.nettune.Phrase.of("rss.csv.weightNoFlow", "the row has a weight but no flow.")))
                .flow();
        return Optional.of(new ObservedFlow(flow, weight));
    }

    private static long weight(String w) {
        if (w.isEmpty()) {
            return 1;
        }
        if (w.length() > 18 || !w.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.csv.badWeight", "Weight '{0}' is not a whole number 0 or more (packets"
                    + " or bytes).", w));
        }
        return Long.parseLong(w);
    }

    private static int nthComma(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(',', at + 1);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }
}
