package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * One way a NIC may steer flows to queues: the predicted one (live key and table) or one of the
 * alternatives a real NIC has shown (a shifted key, an earlier table, a symmetric tuple, ...).
 * The designed verification picks flows that tell these apart and names the one that fits.
 */
public record Mapping(Explanation explanation, Phrase said, ToIntFunction<Flow> steering) {
    public Mapping {
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(said, "said");
        Objects.requireNonNull(steering, "steering");
    }

    /** How the mapping reads in a sentence, in English ({@link #said()} in the user's language). */
    public String description() {
        return said.toString();
    }

    /** The queue this mapping sends a flow to. */
    public int queueOf(Flow flow) {
        return steering.applyAsInt(flow);
    }

    /** The prediction: Toeplitz with the live key through the live table. */
    public static Mapping predicted(RssKey key, IndirectionTable table) {
        return toeplitz(Explanation.AS_PREDICTED, Phrase.of("monitor.verify.mapping.predicted", "the live key and table"), key, table);
    }

    /** Toeplitz with {@code key} through {@code table}. */
    public static Mapping toeplitz(Explanation e, Phrase said, RssKey key, IndirectionTable table) {
        ToeplitzHash h = new ToeplitzHash(key);
        return new Mapping(e, said, f -> table.queueOf(h.hash(f)));
    }

    /** The key the 6.12 guest's device hashes with: {@code 00} followed by the first length-1 bytes. */
    public static RssKey shiftedByOneByte(RssKey key) {
        byte[] k = key.bytes();
        byte[] s = new byte[k.length];
        System.arraycopy(k, 0, s, 1, k.length - 1);
        return RssKey.of(s);
    }

    /**
     * The alternatives to test a failed verification against, in the order of {@link Explanation}:
     * one queue for every ring, the driver's default table, the shifted key, the previous key and table
     * (when the journal knows them), the tuple reversed / sorted / XOR-folded, smaller table sizes,
     * and the default table over other queue counts.
     */
    public static List<Mapping> alternatives(RssKey key, IndirectionTable table, int rings, Optional<RssKey> previousKey,
            Optional<IndirectionTable> previousTable) {
        List<Mapping> out = new ArrayList<>();
        int size = table.size();
        for (int q = 0; q < Math.max(rings, 1); q++) {
            int queue = q;
            out.add(new Mapping(Explanation.RSS_NOT_ACTIVE, Phrase.of("monitor.verify.mapping.oneQueue", "every flow on queue {0}", q), f -> queue));
        }
        IndirectionTable def = IndirectionTable.defaultFor(size, Math.max(rings, 1));
        if (!def.equals(table)) {
            out.add(toeplitz(Explanation.RSS_NOT_ACTIVE, Phrase.of("monitor.verify.mapping.defaultTable", "the driver's default table (equal {0})", rings), key, def));
        }
        out.add(toeplitz(Explanation.SHIFTED_KEY, Phrase.of("monitor.verify.mapping.shiftedKey", "the key shifted by one byte"), shiftedByOneByte(key), table));
        RssKey pk = previousKey.orElse(key);
        IndirectionTable pt = previousTable.orElse(table);
        if (!pk.equals(key) || !pt.equals(table)) {
            out.add(toeplitz(Explanation.PREVIOUS_TABLE, Phrase.of("monitor.verify.mapping.previous", "the key and table before the last change"), pk, pt));
        }
        ToeplitzHash h = new ToeplitzHash(key);
        out.add(new Mapping(Explanation.SYMMETRIC_TUPLE, Phrase.of("monitor.verify.mapping.reversed", "the reversed tuple (destination first)"),
                f -> table.queueOf(h.hash(f.reversed()))));
        out.add(new Mapping(Explanation.SYMMETRIC_TUPLE, Phrase.of("monitor.verify.mapping.sorted", "the sorted tuple (lower address first)"),
                f -> table.queueOf(h.hash(sorted(f)))));
        out.add(new Mapping(Explanation.SYMMETRIC_TUPLE, Phrase.of("monitor.verify.mapping.xorFolded", "the XOR-folded tuple (symmetric-xor)"),
                f -> table.queueOf(h.hash(xorFolded(f)))));
        for (int s = size / 2; s >= 8 && s >= size / 8; s /= 2) {
            int smaller = s;
            out.add(new Mapping(Explanation.TABLE_SIZE, Phrase.of("monitor.verify.mapping.tableSize", "the first {0} entries (a {1}-entry table)", s, s),
                    f -> table.entry((int) Long.remainderUnsigned(h.hash(f) & 0xffffffffL, smaller))));
        }
        for (int r = 2; r <= Math.max(8, rings * 2); r++) {
            if (r == rings) {
                continue;
            }
            IndirectionTable other = IndirectionTable.defaultFor(size, r);
            if (!other.equals(table)) {
                out.add(toeplitz(Explanation.QUEUE_COUNT, Phrase.of("monitor.verify.mapping.queueCount", "the default table over {0} queues", r), key, other));
            }
        }
        return List.copyOf(out);
    }

    /** The flow with the numerically lower endpoint first, as NICs that sort the tuple hash it. */
    static Flow sorted(Flow f) {
        int c = compare(f.source().bytes(), f.destination().bytes());
        if (c < 0 || (c == 0 && f.sourcePort() <= f.destinationPort())) {
            return f;
        }
        return f.reversed();
    }

    /** Source and destination each replaced by their XOR, ports likewise (ethtool's symmetric-xor). */
    static Flow xorFolded(Flow f) {
        byte[] a = f.source().bytes();
        byte[] b = f.destination().bytes();
        byte[] x = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            x[i] = (byte) (a[i] ^ b[i]);
        }
        IpAddress folded = IpAddress.of(x);
        int p = f.sourcePort() ^ f.destinationPort();
        return new Flow(folded, folded, p, p, f.protocol());
    }

    private static int compare(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Integer.compare(a[i] & 0xff, b[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
