package dev.nettune.rss;

import dev.nettune.Phrase;

/** The ports a sweep or a reverse search walks through, {@code from} to {@code to} inclusive (0-65535). */
public record PortSpan(int from, int to) {
    public PortSpan {
        if (from < 0 || to > 65535) {
            throw new RssInputException(Phrase.of("rss.ports.outOfRange", "Port range {0}-{1} is out of range: ports are 0-65535.", from, to));
        }
        if (from > to) {
            throw new RssInputException(Phrase.of("rss.ports.backwards", "Port range {0}-{1} is backwards: give the lower port first.", from, to));
        }
    }

    /** A range typed as {@code FROM-TO}, or one port. */
    public static PortSpan parse(String text) {
        String t = text.strip();
        String[] p = t.split("-", -1);
        if (p.length > 2 || !p[0].matches("\\d{1,5}") || (p.length == 2 && !p[1].matches("\\d{1,5}"))) {
            throw new RssInputException(Phrase.of("rss.ports.notFromTo", "Port range '{0}' is not FROM-TO: write it like 1024-65535.", text));
        }
        int from = Integer.parseInt(p[0]);
        int to = p.length == 2 ? Integer.parseInt(p[1]) : from;
        if (from > 65535 || to > 65535) {
            throw new RssInputException(Phrase.of("rss.ports.textOutOfRange", "Port range '{0}' is out of range: ports are 0-65535.", text));
        }
        if (from > to) {
            throw new RssInputException(Phrase.of("rss.ports.textBackwards", "Port range '{0}' is backwards: give the lower port first.", text));
        }
        return new PortSpan(from, to);
    }

    /** How many ports the span holds. */
    public int size() {
        return to - from + 1;
    }
}
