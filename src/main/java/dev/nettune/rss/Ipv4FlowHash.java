package dev.nettune.rss;

/**
 * The Toeplitz hash of IPv4 4-tuples whose destination part is known ({@link ToeplitzHash#ipv4Destination}: the
 * receiver's address, the same for every flow a host receives), read from 11-bit tables: the source address and the
 * port pair are 32 bits each, 3 lookups each, so a flow costs 6 lookups where {@link ToeplitzHash}'s 8-bit tables
 * take 8. The tables (6 x 2048 entries, 48 KB) depend only on the key: build one per key and reuse it, for
 * streams of flows (a batch, a distribution), not for one hash. Exact: equal to {@link ToeplitzHash#hashIpv4}, the
 * hash being linear in its input. Immutable and safe to share between threads.
 */
public final class Ipv4FlowHash {
    private static final int WIDE = 2048;

    private final ToeplitzHash hash;
    // Six 2048-entry tables in one array: source bits 31-21, 20-10, 9-0, then the same of (sport << 16 | dport).
    private final int[] t = new int[6 * WIDE];

    public Ipv4FlowHash(ToeplitzHash hash) {
        this.hash = hash;
        for (int c = 0; c < WIDE; c++) {
            // Linearity: a chunk's entry is the hash of the input with only that chunk's bits set.
            t[c] = hash.hashIpv4(c << 21, 0, 0, 0);
            t[WIDE + c] = hash.hashIpv4(c << 10, 0, 0, 0);
            t[4 * WIDE + c] = ports(hash, c << 10);
            t[3 * WIDE + c] = ports(hash, c << 21);
            if (c < 1024) {
                t[2 * WIDE + c] = hash.hashIpv4(c, 0, 0, 0);
                t[5 * WIDE + c] = ports(hash, c);
            }
        }
    }

    private static int ports(ToeplitzHash hash, int pair) {
        return hash.hashIpv4(0, 0, pair >>> 16, pair & 0xffff);
    }

    /** The 8-bit hash this one reads faster. */
    public ToeplitzHash toeplitz() {
        return hash;
    }

    /** The destination's part of the hash, to pass to {@link #hash} for every flow to that address. */
    public int destination(int dst) {
        return hash.ipv4Destination(dst);
    }

    /** The hash of the 4-tuple whose destination part {@link #destination} gave; ports are 0-65535. */
    public int hash(int src, int destination, int sport, int dport) {
        final int[] w = t;
        int p = (sport << 16) | (dport & 0xffff);
        // Read as ToeplitzHash reads its tables (see TableReads); the last table fills 1024 of its 2048 entries, so
        // every 8-byte read stays inside the array.
        return (int) (TableReads.entry(w, src >>> 21) ^ TableReads.entry(w, WIDE + ((src >>> 10) & 0x7ff))
                ^ TableReads.entry(w, 2 * WIDE + (src & 0x3ff)) ^ TableReads.entry(w, 3 * WIDE + (p >>> 21))
                ^ TableReads.entry(w, 4 * WIDE + ((p >>> 10) & 0x7ff)) ^ TableReads.entry(w, 5 * WIDE + (p & 0x3ff))) ^ destination;
    }
}
