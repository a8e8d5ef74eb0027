package dev.nettune.rss;

/**
 * The Toeplitz hash of one key, table-driven: for every input byte position and byte value the
 * XOR of the key windows its set bits select is computed once, so a hash is one lookup and one
 * XOR per input byte. Immutable and safe to share between threads.
 */
public final class ToeplitzHash {
    /** Longest input hashed by RSS: an IPv6 4-tuple (16 + 16 + 2 + 2 bytes). */
    public static final int MAX_INPUT = 36;

    private final RssKey key;
    // One flat array, position * 256 + byte value, 36 KB, and one spare entry for TableReads' 8-byte read of the last.
    private final int[] flat;

    public ToeplitzHash(RssKey key) {
        this.key = key;
        // Key bits past the key's end read as zero, so every position up to MAX_INPUT gets a table.
        int positions = MAX_INPUT;
        this.flat = new int[positions * 256 + 1];
        for (int pos = 0; pos < positions; pos++) {
            int[] windows = new int[8];
            for (int bit = 0; bit < 8; bit++) {
                windows[bit] = window(key, pos * 8 + bit);
            }
            for (int v = 1; v < 256; v++) {
                int h = 0;
                for (int bit = 0; bit < 8; bit++) {
                    if ((v & (0x80 >>> bit)) != 0) {
                        h ^= windows[bit];
                    }
                }
                flat[pos * 256 + v] = h;
            }
        }
    }

    /** The 32 key bits starting at bit {@code bitOffset}, bits past the key's end read as zero. */
    static int window(RssKey key, int bitOffset) {
        int w = 0;
        for (int i = 0; i < 32; i++) {
            int b = bitOffset + i;
            int byteIdx = b >>> 3;
            int bit = byteIdx < key.length() ? (key.byteAt(byteIdx) >>> (7 - (b & 7))) & 1 : 0;
            w = (w << 1) | bit;
        }
        return w;
    }

    public RssKey key() {
        return key;
    }

    /** The hash of raw input bytes (at most {@value #MAX_INPUT}). */
    public int hash(byte[] input) {
        if (input.length > MAX_INPUT) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.hash.inputTooLong", "Hash input of {0} bytes exceeds {1}.", input.length, MAX_INPUT));
        }
        int h = 0;
        for (int i = 0; i < input.length; i++) {
            h ^= flat[(i << 8) + (input[i] & 0xff)];
        }
        return h;
    }

    /** The hash of a flow; non-IP flows are not hashed and give 0. */
    public int hash(Flow flow) {
        if (!flow.protocol().isHashed()) {
            return 0;
        }
        if (flow.isIpv4() && flow.protocol().hashesPorts()) {
            return hashIpv4(flow.source().ipv4AsInt(), flow.destination().ipv4AsInt(),
                    flow.sourcePort(), flow.destinationPort());
        }
        IpAddress s = flow.source();
        IpAddress d = flow.destination();
        if (flow.protocol().hashesPorts() && !s.isIpv4() && !d.isIpv4()) {
            // The word path: 36 lookups in one expression instead of the byte loop of hashAddresses.
            return hashIpv6(s.word(0), s.word(1), s.word(2), s.word(3), d.word(0), d.word(1), d.word(2), d.word(3),
                    flow.sourcePort(), flow.destinationPort());
        }
        // Linear in the input: addresses XOR ports, read straight from the addresses (no input array).
        int h = hashAddresses(s, d);
        return flow.protocol().hashesPorts() ? h ^ hashPorts(flow.source().length(), flow.sourcePort(), flow.destinationPort()) : h;
    }

    /** The hash of an IPv4 4-tuple given as ints, without allocating: the hot path of distributions. */
    public int hashIpv4(int src, int dst, int sport, int dport) {
        final int[] t = flat;
        return (int) (word(t, 0, src) ^ word(t, 4, dst) ^ ports(t, 8, sport, dport));
    }

    /**
     * The part of an IPv4 4-tuple hash that its destination address contributes, for
     * {@link #hashIpv4ToDestination}: flows to one NIC share it, so a loop over them pays 8 lookups a
     * flow instead of 12.
     */
    public int ipv4Destination(int dst) {
        return (int) word(flat, 4, dst);
    }

    /** The hash of an IPv4 4-tuple whose destination part {@link #ipv4Destination} gave: equal to {@link #hashIpv4}. */
    public int hashIpv4ToDestination(int src, int destination, int sport, int dport) {
        final int[] t = flat;
        return (int) (word(t, 0, src) ^ ports(t, 8, sport, dport)) ^ destination;
    }

    /**
     * The hash of an IPv6 4-tuple given as big-endian address words, without allocating: 36 lookups,
     * the same hot path as {@link #hashIpv4} (the addresses start at byte 0 and 16, the ports at 32).
     */
    public int hashIpv6(int s0, int s1, int s2, int s3, int d0, int d1, int d2, int d3, int sport, int dport) {
        final int[] t = flat;
        return (int) (word(t, 0, s0) ^ word(t, 4, s1) ^ word(t, 8, s2) ^ word(t, 12, s3)
                ^ word(t, 16, d0) ^ word(t, 20, d1) ^ word(t, 24, d2) ^ word(t, 28, d3)
                ^ ports(t, 32, sport, dport));
    }

    /**
     * The part of an IPv6 4-tuple hash that its destination address contributes (16 lookups), for
     * {@link #hashIpv6(int, int, int, int, int, int, int)}: flows to one NIC share it, so a loop over
     * them pays 20 lookups a flow instead of 36.
     */
    public int ipv6Destination(int d0, int d1, int d2, int d3) {
        final int[] t = flat;
        return (int) (word(t, 16, d0) ^ word(t, 20, d1) ^ word(t, 24, d2) ^ word(t, 28, d3));
    }

    /**
     * The hash of an IPv6 4-tuple whose destination part {@link #ipv6Destination} gave: equal to
     * {@link #hashIpv6(int, int, int, int, int, int, int, int, int, int)} of the same tuple (the hash
     * is XOR-linear in its input).
     */
    public int hashIpv6(int s0, int s1, int s2, int s3, int destination, int sport, int dport) {
        final int[] t = flat;
        return (int) (word(t, 0, s0) ^ word(t, 4, s1) ^ word(t, 8, s2) ^ word(t, 12, s3) ^ ports(t, 32, sport, dport))
                ^ destination;
    }

    // The four lookups of the 32-bit word at input byte pos (low 32 bits of the result; see TableReads for the longs).
    // Every index is a constant below (pos + 4) * 256 plus a masked byte, so within the table for pos <= 32.
    private static long word(int[] t, int pos, int w) {
        int b = pos << 8;
        return TableReads.entry(t, b + (w >>> 24)) ^ TableReads.entry(t, b + 256 + ((w >>> 16) & 0xff))
                ^ TableReads.entry(t, b + 512 + ((w >>> 8) & 0xff)) ^ TableReads.entry(t, b + 768 + (w & 0xff));
    }

    // The four lookups of the two 16-bit ports at input byte pos (8 for IPv4, 32 for IPv6); only their low 16 bits count.
    private static long ports(int[] t, int pos, int sport, int dport) {
        int b = pos << 8;
        return TableReads.entry(t, b + ((sport >>> 8) & 0xff)) ^ TableReads.entry(t, b + 256 + (sport & 0xff))
                ^ TableReads.entry(t, b + 512 + ((dport >>> 8) & 0xff)) ^ TableReads.entry(t, b + 768 + (dport & 0xff));
    }

    /**
     * The part of a 4-tuple hash that the two ports contribute, for addresses of
     * {@code addressLength} bytes (4 or 16). The hash is linear (XOR) in its input, so a flow's
     * hash is its addresses' hash XOR this: sweeps over ports need no allocation, IPv6 included.
     */
    public int hashPorts(int addressLength, int sport, int dport) {
        if (addressLength != 4 && addressLength != 16) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.ip.byteCount", "An address has 4 (IPv4) or 16 (IPv6) bytes, not {0}.", addressLength));
        }
        return (int) ports(flat, addressLength * 2, sport, dport);
    }

    /** The hash of the addresses alone (the 2-tuple) of any family. */
    public int hashAddresses(IpAddress source, IpAddress destination) {
        if (source.isIpv4() != destination.isIpv4()) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.hash.mixedFamilies",
                    "The source and destination are of different address families."));
        }
        final int[] t = flat;
        int h = 0;
        int n = source.length();
        int d = n << 8;
        for (int i = 0; i < n; i++) {
            h ^= t[(i << 8) + source.byteAt(i)] ^ t[d + (i << 8) + destination.byteAt(i)];
        }
        return h;
    }
}
