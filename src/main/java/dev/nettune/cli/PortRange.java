package dev.nettune.cli;

/** A port range typed as {@code FROM-TO} (or one port). */
record PortRange(int from, int to) {

    static PortRange parse(String text) {
        String t = text.strip();
        String[] p = t.split("-", -1);
        if (p.length > 2 || !p[0].matches("\\d{1,5}") || (p.length == 2 && !p[1].matches("\\d{1,5}"))) {
            throw new CliInputException("Port range '" + text + "' is not FROM-TO: write it like 1024-65535.");
        }
        int from = Integer.parseInt(p[0]);
        int to = p.length == 2 ? Integer.parseInt(p[1]) : from;
        if (from > 65535 || to > 65535) {
            throw new CliInputException("Port range '" + text + "' is out of range: ports are 0-65535.");
        }
        if (from > to) {
            throw new CliInputException("Port range '" + text + "' is backwards: give the lower port first.");
        }
        return new PortRange(from, to);
    }
}
