package dev.nettune.rss;

/**
 * The common row of the flows CSV, an IPv4 4-tuple {@code a.b.c.d,e.f.g.h,sport,dport} with
 * nothing else on the line, read without allocating so that a million rows stream through
 * {@code rss hash --batch} and {@code rss distribution --flows} in well under a second.
 *
 * <p>It accepts only what {@link FlowCsv#parseLine} would read to the same flow (the same number
 * ranges); every other line (IPv6, a 2-tuple, spaces, a header, a comment, a mistake) is refused
 * with {@code false} and goes to {@link FlowCsv}, which says what is wrong. Reused line after line,
 * so an instance belongs to one thread.
 */
public final class Ipv4FlowLine {
    private int source;
    private int destination;
    private int sourcePort;
    private int destinationPort;
    private int pos;

    /** Reads {@code line}; false (and the fields undefined) when it is not a plain IPv4 4-tuple row. */
    public boolean parse(CharSequence line) {
        pos = 0;
        int n = line.length();
        long s = address(line, n);
        if (s < 0 || !comma(line, n)) {
            return false;
        }
        long d = address(line, n);
        if (d < 0 || !comma(line, n)) {
            return false;
        }
        int sp = number(line, n, 5, 65535);
        if (sp < 0 || !comma(line, n)) {
            return false;
        }
        int dp = number(line, n, 5, 65535);
        if (dp < 0 || pos != n) {
            return false;
        }
        source = (int) s;
        destination = (int) d;
        sourcePort = sp;
        destinationPort = dp;
        return true;
    }

    private boolean comma(CharSequence line, int n) {
        if (pos < n && line.charAt(pos) == ',') {
            pos++;
            return true;
        }
        return false;
    }

    /** Four dotted numbers 0-255 as an unsigned int in a long, or -1. */
    private long address(CharSequence line, int n) {
        long a = 0;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (pos >= n || line.charAt(pos) != '.') {
                    return -1;
                }
                pos++;
            }
            int octetStart = pos;
            int v = number(line, n, 3, 255);
            if (v < 0 || (pos - octetStart > 1 && line.charAt(octetStart) == '0')) {
                // A leading zero is octal to inet_aton and hping3: the slow path refuses it with a message.
                return -1;
            }
            a = (a << 8) | v;
        }
        return a;
    }

    /** 1 to {@code maxDigits} decimal digits, at most {@code max}, or -1 (as FlowCsv's own limits). */
    private int number(CharSequence line, int n, int maxDigits, int max) {
        int start = pos;
        int v = 0;
        while (pos < n && pos - start < maxDigits) {
            char c = line.charAt(pos);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            pos++;
        }
        if (pos == start || v > max || (pos < n && line.charAt(pos) >= '0' && line.charAt(pos) <= '9')) {
            return -1;
        }
        return v;
    }

    /** The source address as a big-endian int (valid after a successful {@link #parse}). */
    public int source() {
        return source;
    }

    public int destination() {
        return destination;
    }

    public int sourcePort() {
        return sourcePort;
    }

    public int destinationPort() {
        return destinationPort;
    }

    /** The row's TCP flow (for the rare caller that needs the record). */
    public Flow flow() {
        return new Flow(IpAddress.ofIpv4(source), IpAddress.ofIpv4(destination), sourcePort, destinationPort, Protocol.TCP);
    }
}
