package dev.nettune.rss;

/**
 * The Toeplitz hash of IPv6 4-tuples whose destination part is known ({@link ToeplitzHash#ipv6Destination}: the
 * receiver's address, the same for every flow a host receives), read from 11-bit tables as {@link Ipv4FlowHash} reads
 * IPv4: each of the source's four 32-bit words and the port pair take 3 lookups (bits 31-21, 20-10, 9-0), so a flow
 * costs 15 lookups where {@link ToeplitzHash}'s 8-bit tables take 20. The tables (15 x 2048 entries, 120 KB) depend
 * only on the key: build one per key and reuse it, for streams of flows (a batch, a distribution), not for one hash.
 * Exact: equal to {@link ToeplitzHash#hashIpv6(int, int, int, int, int, int, int, int, int, int)}, the hash being
 * linear in its input. Immutable and safe to share between threads.
 */
public final class Ipv6FlowHash {
    private static final int WIDE = 2048;

    private final ToeplitzHash hash;
    // Fifteen 2048-entry tables in one array: three per source word (s0..s3), then three of (sport << 16 | dport).
    private final int[] t = new int[15 * WIDE];

    public Ipv6FlowHash(ToeplitzHash hash) {
        this.hash = hash;
        for (int word = 0; word < 5; word++) {
            int base = word * 3 * WIDE;
            for (int c = 0; c < WIDE; c++) {
                // Linearity: a chunk's entry is the hash of the input with only that chunk's bits set.
                t[base + c] = part(hash, word, c << 21);
                t[base + WIDE + c] = part(hash, word, c << 10);
                if (c < 1024) {
                    t[base + 2 * WIDE + c] = part(hash, word, c);
                }
            }
        }
    }

    /** The hash of an input whose only set bits are {@code bits} in source word {@code word} (4: the port pair). */
    private static int part(ToeplitzHash hash, int word, int bits) {
        return switch (word) {
            case 0 -> hash.hashIpv6(bits, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            case 1 -> hash.hashIpv6(0, bits, 0, 0, 0, 0, 0, 0, 0, 0);
            case 2 -> hash.hashIpv6(0, 0, bits, 0, 0, 0, 0, 0, 0, 0);
            case 3 -> hash.hashIpv6(0, 0, 0, bits, 0, 0, 0, 0, 0, 0);
            default -> hash.hashIpv6(0, 0, 0, 0, 0, 0, 0, 0, bits >>> 16, bits & 0xffff);
        };
    }

    /** The 8-bit hash this one reads faster. */
    public ToeplitzHash toeplitz() {
        return hash;
    }

    /** The destination's part of the hash (big-endian address words), to pass to {@link #hash} for every flow to it. */
    public int destination(int d0, int d1, int d2, int d3) {
        return hash.ipv6Destination(d0, d1, d2, d3);
    }

    /**
     * The hash of the 4-tuple (source as big-endian address words) whose destination part {@link #destination} gave;
     * ports are 0-65535.
     */
    public int hash(int s0, int s1, int s2, int s3, int destination, int sport, int dport) {
        final int[] w = t;
        int p = (sport << 16) | (dport & 0xffff);
        // Read as ToeplitzHash reads its tables (see TableReads); the last table fills 1024 of its 2048 entries, so
        // every 8-byte read stays inside the array.
        return (int) (chunks(w, 0, s0) ^ chunks(w, 3 * WIDE, s1) ^ chunks(w, 6 * WIDE, s2) ^ chunks(w, 9 * WIDE, s3)
                ^ chunks(w, 12 * WIDE, p)) ^ destination;
    }

    // The three lookups of one 32-bit word: bits 31-21, 20-10 and 9-0 in the three tables from base.
    private static long chunks(int[] w, int base, int v) {
        return TableReads.entry(w, base + (v >>> 21)) ^ TableReads.entry(w, base + WIDE + ((v >>> 10) & 0x7ff))
                ^ TableReads.entry(w, base + 2 * WIDE + (v & 0x3ff));
    }
}
