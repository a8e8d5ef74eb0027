package dev.nettune.rss;

/**
 * The IPv6 row of the flows CSV, {@code src6,dst6,sport,dport} with nothing else on the line, read without allocating,
 * as {@link Ipv4FlowLine} reads IPv4 rows, so IPv6 rows stream through {@code rss hash --batch} without a
 * {@link Flow}, two {@link IpAddress}es and InetAddress's parser each.
 *
 * <p>Addresses are hex groups of 1-4 digits (either case) separated by colons, eight of them or fewer with one
 * {@code ::} standing for at least one zero group. It accepts only rows {@link FlowCsv#parseLine} reads to the same
 * flow; everything else (an embedded IPv4 part, a zone, spaces, a 2-tuple, an IPv4-mapped address, which the slow
 * path refuses as not IPv6, a header, a mistake) is refused with {@code false} and goes to {@link FlowCsv}, which
 * says what is wrong. Reused line after line, so an instance belongs to one thread.
 */
public final class Ipv6FlowLine {
    /** The longest row: two 39-character addresses, two 5-digit ports, three commas. */
    static final int MAX_ROW = 39 + 1 + 39 + 1 + 5 + 1 + 5;

    private final int[] groups = new int[8];
    private final int[] words = new int[8];
    private int sourcePort;
    private int destinationPort;

    /**
     * Reads the row in {@code bytes[offset, offset + length)} (ASCII, as a file has it), without copying it. False
     * (and the fields undefined) when it is not a plain IPv6 4-tuple row.
     */
    public boolean parse(byte[] bytes, int offset, int length) {
        if (length > MAX_ROW || offset < 0 || length < 0 || offset + length > bytes.length) {
            return false;
        }
        final int end = offset + length;
        int p = address(bytes, offset, end, 0);
        if (p < 0) {
            return false;
        }
        p = address(bytes, p + 1, end, 4);
        if (p < 0) {
            return false;
        }
        p++;
        int sp = Ipv4FlowLine.port(bytes, p, end);
        if (sp < 0) {
            return false;
        }
        p += sp & 7;
        if (p >= end || bytes[p] != ',') {
            return false;
        }
        p++;
        int dp = Ipv4FlowLine.port(bytes, p, end);
        if (dp < 0 || p + (dp & 7) != end) {
            return false;
        }
        sourcePort = sp >>> 3;
        destinationPort = dp >>> 3;
        return true;
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * An address at {@code p} ending at a comma, into {@code words[at, at + 4)}; the comma's position, or -1. Follows
     * the literal rules of the JDK's parser that {@link IpAddress#parse} uses, less its embedded IPv4 form.
     */
    private int address(byte[] b, int p, int end, int at) {
        final int[] g = groups;
        int n = 0;
        int gap = -1;
        if (p < end && b[p] == ':') {
            // Only "::" may start an address.
            if (p + 1 >= end || b[p + 1] != ':') {
                return -1;
            }
            gap = 0;
            p += 2;
        }
        while (!(p < end && b[p] == ',' && gap == n)) {
            int v = 0;
            int digits = 0;
            int h;
            while (p < end && (h = hex(b[p])) >= 0) {
                if (++digits > 4) {
                    return -1;
                }
                v = v << 4 | h;
                p++;
            }
            if (digits == 0 || n == 8 || p >= end) {
                return -1;
            }
            g[n++] = v;
            if (b[p] == ',') {
                break;
            }
            if (b[p] != ':') {
                return -1;
            }
            p++;
            if (p < end && b[p] == ':') {
                if (gap >= 0) {
                    return -1;
                }
                gap = n;
                p++;
            }
        }
        if (gap < 0 ? n != 8 : n > 7) {
            return -1;
        }
        // The groups after "::" move to the end; what they leave is the run of zeros it stands for.
        int[] out = words;
        int fill = gap < 0 ? 0 : 8 - n;
        int k = 0;
        int w = 0;
        for (int i = 0; i < 8; i++) {
            int v;
            if (gap >= 0 && i >= gap && i < gap + fill) {
                v = 0;
            } else {
                v = g[k++];
            }
            w = w << 16 | v;
            if ((i & 1) == 1) {
                out[at + (i >> 1)] = w;
                w = 0;
            }
        }
        // ::ffff:a.b.c.d in hex: the JDK's parser makes it an IPv4 address, which FlowCsv refuses as not IPv6.
        if (out[at] == 0 && out[at + 1] == 0 && out[at + 2] == 0xffff) {
            return -1;
        }
        return p;
    }

    /** Word {@code i} (0-3) of the source address, big-endian (valid after a successful {@link #parse}). */
    public int source(int i) {
        return words[i];
    }

    /** Word {@code i} (0-3) of the destination address, big-endian. */
    public int destination(int i) {
        return words[4 + i];
    }

    public int sourcePort() {
        return sourcePort;
    }

    public int destinationPort() {
        return destinationPort;
    }

    /** The row's TCP flow, as {@link FlowCsv} reads it (for tests and the rare caller that needs the record). */
    public Flow flow() {
        return new Flow(address(0), address(4), sourcePort, destinationPort, Protocol.TCP);
    }

    private IpAddress address(int at) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) (words[at + (i >> 2)] >>> (24 - 8 * (i & 3)));
        }
        return IpAddress.of(b);
    }
}
