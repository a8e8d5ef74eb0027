package dev.nettune.rss;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Flows as CSV: {@code src,dst,sport,dport} (both ports empty = the addresses-only 2-tuple), and
 * for key solving a fifth column {@code queue}. A header line starting with {@code src}, blank
 * lines and {@code #} comments are skipped. Each bad row is reported with its line number and the
 * good rows are kept, so one typo does not lose a file.
 */
public final class FlowCsv {

    /** One good row: its line number (from 1), the flow, and the target queue if the layout has one. */
    public record Row(int line, Flow flow, OptionalInt queue) {
    }

    /** One bad row: its line number, its text and what is wrong with it (a phrase the screens and the CLI say in the user's language). */
    public record Problem(int line, String text, dev.nettune.Phrase why) {
        /** What is wrong, in English. */
        public String message() {
            return why.toString();
        }

        /** "line N: what is wrong", as a phrase. */
        public dev.nettune.Phrase phrase() {
            return onLine(line, why);
        }

        @Override
        public String toString() {
            return phrase().toString();
        }
    }

    /** The good rows and the problems of a whole file. */
    public record Result(List<Row> rows, List<Problem> problems) {
        public Result {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        public List<Flow> flows() {
            return rows.stream().map(Row::flow).toList();
        }
    }

    private FlowCsv() {
    }

    /** "line N: WHAT" as a phrase ({@code what} a phrase in the same language, or text as is). */
    public static dev.nettune.Phrase onLine(int line, Object what) {
        return dev.nettune.Phrase.of("rss.csv.line", "line {0}: {1}", line, what);
    }

    /** Reads a whole text; {@code withQueue} expects the fifth column {@code queue}. */
    public static Result parse(String text, boolean withQueue) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.replace("\r", "").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            try {
                parseLine(i + 1, lines[i], withQueue).ifPresent(rows::add);
            } catch (RssInputException e) {
                problems.add(new Problem(i + 1, lines[i], e.phrase()));
            }
        }
        return new Result(rows, problems);
    }

    /**
     * Reads one line; empty for a blank line, a comment or the header.
     *
     * @throws RssInputException with a message that names the column and what is allowed
     */
    public static Optional<Row> parseLine(int lineNumber, String line, boolean withQueue) {
        String t = line == null ? "" : line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.toLowerCase(Locale.ROOT).startsWith("src")) {
            return Optional.empty();
        }
        String[] c = t.split(",", -1);
        int want = withQueue ? 5 : 4;
        if (c.length != want) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.csv.columns", "expected {0} columns ({1}), found {2}.", want,
                    header(withQueue), c.length));
        }
        IpAddress src = IpAddress.parse(c[0]);
        IpAddress dst = IpAddress.parse(c[1]);
        boolean noSport = c[2].isBlank();
        boolean noDport = c[3].isBlank();
        Flow flow;
        if (noSport && noDport) {
            flow = new Flow(src, dst, 0, 0, Protocol.ICMP);
        } else if (noSport || noDport) {
            throw new RssInputException(noSport
                    ? dev.nettune.Phrase.of("rss.csv.onlyDestinationPort", "give both ports (4-tuple) or neither (2-tuple, such as ICMP),"
                            + " not only the destination port.")
                    : dev.nettune.Phrase.of("rss.csv.onlySourcePort", "give both ports (4-tuple) or neither (2-tuple, such as ICMP),"
                            + " not only the source port."));
        } else {
            flow = new Flow(src, dst, Flow.parsePort(Flow.SOURCE_PORT, c[2]), Flow.parsePort(Flow.DESTINATION_PORT, c[3]),
                    Protocol.TCP);
        }
        OptionalInt queue = OptionalInt.empty();
        if (withQueue) {
            queue = OptionalInt.of(parseQueue(c[4]));
        }
        return Optional.of(new Row(lineNumber, flow, queue));
    }

    /** Parses a queue number typed by a user: a whole number 0 or more. */
    public static int parseQueue(String text) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty() || q.length() > 5 || !q.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.csv.badQueue", "Queue '{0}' is not a queue number: give a whole"
                    + " number 0 or more.", text == null ? "" : text.strip()));
        }
        return Integer.parseInt(q);
    }

    /** The column names of the layout. */
    public static String header(boolean withQueue) {
        return withQueue ? "src,dst,sport,dport,queue" : "src,dst,sport,dport";
    }
}
