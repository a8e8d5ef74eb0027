package dev.nettune.rss;

/** The ports a sweep or a reverse search walks through, {@code from} to {@code to} inclusive (0-65535). */
public record PortSpan(int from, int to) {
    public PortSpan {
        if (from < 0 || to > 65535) {
            throw new RssInputException("Port range " + from + "-" + to + " is out of range: ports are 0-65535.");
        }
        if (from > to) {
            throw new RssInputException("Port range " + from + "-" + to + " is backwards: give the lower port first.");
        }
    }

    /** A range typed as {@code FROM-TO}, or one port. */
    public static PortSpan parse(String text) {
        String t = text.strip();
        String[] p = t.split("-", -1);
        if (p.length > 2 || !p[0].matches("\\d{1,5}") || (p.length == 2 && !p[1].matches("\\d{1,5}"))) {
            throw new RssInputException("Port range '" + text + "' is not FROM-TO: write it like 1024-65535.");
        }
        int from = Integer.parseInt(p[0]);
        int to = p.length == 2 ? Integer.parseInt(p[1]) : from;
        if (from > 65535 || to > 65535) {
            throw new RssInputException("Port range '" + text + "' is out of range: ports are 0-65535.");
        }
        if (from > to) {
            throw new RssInputException("Port range '" + text + "' is backwards: give the lower port first.");
        }
        return new PortSpan(from, to);
    }

    /** How many ports the span holds. */
    public int size() {
        return to - from + 1;
    }
}
