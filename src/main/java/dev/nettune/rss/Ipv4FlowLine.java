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
    private int pos;
    private int end;

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
        pos = offset;
        end = offset + length;
        long s = address(bytes);
        if (s < 0 || !comma(bytes)) {
            return false;
        }
        long d = address(bytes);
        if (d < 0 || !comma(bytes)) {
            return false;
        }
        int spStart = pos;
        int sp = number(bytes, 5, 65535);
        if (sp < 0 || !comma(bytes)) {
            return false;
        }
        int dpStart = pos;
        int dp = number(bytes, 5, 65535);
        if (dp < 0 || pos != end) {
            return false;
        }
        source = (int) s;
        destination = (int) d;
        sourcePort = sp;
        destinationPort = dp;
        // Octets never have a leading zero here (refused above); ports may ("0080"), and then print differently.
        canonical = !(pos - dpStart > 1 && bytes[dpStart] == '0') && !(dpStart - 1 - spStart > 1 && bytes[spStart] == '0');
        return true;
    }

    /**
     * Whether the row read is exactly how NetTune prints this flow ({@code a.b.c.d,e.f.g.h,sport,dport}, no leading
     * zeros), so a command that echoes the flow can copy the row instead of formatting it again.
     */
    public boolean canonical() {
        return canonical;
    }

    private boolean comma(byte[] b) {
        if (pos < end && b[pos] == ',') {
            pos++;
            return true;
        }
        return false;
    }

    /** Four dotted numbers 0-255 as an unsigned int in a long, or -1. */
    private long address(byte[] b) {
        long a = 0;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (pos >= end || b[pos] != '.') {
                    return -1;
                }
                pos++;
            }
            int octetStart = pos;
            int v = number(b, 3, 255);
            if (v < 0 || (pos - octetStart > 1 && b[octetStart] == '0')) {
                // A leading zero is octal to inet_aton and hping3: the slow path refuses it with a message.
                return -1;
            }
            a = (a << 8) | v;
        }
        return a;
    }

    /** 1 to {@code maxDigits} decimal digits, at most {@code max}, or -1 (as FlowCsv's own limits). */
    private int number(byte[] b, int maxDigits, int max) {
        int start = pos;
        int v = 0;
        while (pos < end && pos - start < maxDigits) {
            int c = b[pos] - '0';
            if (c < 0 || c > 9) {
                break;
            }
            v = v * 10 + c;
            pos++;
        }
        if (pos == start || v > max || (pos < end && b[pos] >= '0' && b[pos] <= '9')) {
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
