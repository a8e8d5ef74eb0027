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
    /** The longest plain row: two 15-character addresses, two 5-digit ports, three commas. */
    static final int MAX_ROW = 15 + 1 + 15 + 1 + 5 + 1 + 5;

    private final byte[] copy = new byte[MAX_ROW];
    private int source;
    private int destination;
    private int sourcePort;
    private int destinationPort;
    private boolean canonical;

    /** Reads {@code line}; false (and the fields undefined) when it is not a plain IPv4 4-tuple row. */
    public boolean parse(CharSequence line) {
        int n = line.length();
        if (n > MAX_ROW) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c > 0x7e) {
                return false;
            }
            copy[i] = (byte) c;
        }
        return parse(copy, 0, n);
    }

    /**
     * Reads the row in {@code bytes[offset, offset + length)} (ASCII, as a file has it), without copying it: the
     * batch commands hand over their read buffer. False (and the fields undefined) when it is not a plain IPv4 row.
     */
    public boolean parse(byte[] bytes, int offset, int length) {
        if (length > MAX_ROW || offset < 0 || length < 0 || offset + length > bytes.length) {
            return false;
        }
        // Positions live in locals and each number comes back packed with its digit count (value << bits | digits),
        // octets unrolled: rows stream by the million through here, and this read 1M rows in 80-90 ns a row where
        // the field-keeping version took 95-120.
        final int end = offset + length;
        int p = offset;
        int s = 0;
        for (int part = 0; part < 4; part++) {
            int r = octet(bytes, p, end);
            if (r < 0) {
                return false;
            }
            p += r & 3;
            s = (s << 8) | (r >>> 2);
            if (p >= end || bytes[p] != (part < 3 ? '.' : ',')) {
                return false;
            }
            p++;
        }
        int d = 0;
        for (int part = 0; part < 4; part++) {
            int r = octet(bytes, p, end);
            if (r < 0) {
                return false;
            }
            p += r & 3;
            d = (d << 8) | (r >>> 2);
            if (p >= end || bytes[p] != (part < 3 ? '.' : ',')) {
                return false;
            }
            p++;
        }
        int spStart = p;
        int sp = port(bytes, p, end);
        if (sp < 0) {
            return false;
        }
        p += sp & 7;
        if (p >= end || bytes[p] != ',') {
            return false;
        }
        p++;
        int dp = port(bytes, p, end);
        if (dp < 0 || p + (dp & 7) != end) {
            return false;
        }
        source = s;
        destination = d;
        sourcePort = sp >>> 3;
        destinationPort = dp >>> 3;
        // Octets never have a leading zero here (refused above); ports may ("0080"), and then print differently.
        canonical = ((sp & 7) == 1 || bytes[spStart] != '0') && ((dp & 7) == 1 || bytes[p] != '0');
        return true;
    }

    /**
     * Whether the row read is exactly how NetTune prints this flow ({@code a.b.c.d,e.f.g.h,sport,dport}, no leading
     * zeros), so a command that echoes the flow can copy the row instead of formatting it again.
     */
    public boolean canonical() {
        return canonical;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    /**
     * An octet at {@code p}: 1 to 3 digits, at most 255, no leading zero (octal to inet_aton and hping3: the slow
     * path refuses it with a message), not followed by a digit; {@code value << 2 | digits}, or -1.
     */
    private static int octet(byte[] b, int p, int end) {
        if (p >= end || !digit(b[p])) {
            return -1;
        }
        int v = b[p] - '0';
        if (++p == end || !digit(b[p])) {
            return v << 2 | 1;
        }
        if (v == 0) {
            return -1;
        }
        v = v * 10 + b[p] - '0';
        if (++p == end || !digit(b[p])) {
            return v << 2 | 2;
        }
        v = v * 10 + b[p] - '0';
        if (v > 255 || (++p < end && digit(b[p]))) {
            return -1;
        }
        return v << 2 | 3;
    }

    /** A port at {@code p}: 1 to 5 digits (leading zeros allowed), at most 65535; {@code value << 3 | digits}, or -1. */
    static int port(byte[] b, int p, int end) {
        int v = 0;
        int n = 0;
        while (p + n < end && digit(b[p + n])) {
            if (++n > 5) {
                return -1;
            }
            v = v * 10 + b[p + n - 1] - '0';
        }
        return n == 0 || v > 65535 ? -1 : v << 3 | n;
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
