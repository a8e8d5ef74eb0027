package dev.nettune.rss.balance;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.ToeplitzHash;
import java.util.List;

/**
 * Per-bucket load: every flow hashed with the key (TCP/UDP on the 4-tuple, other IP on the
 * addresses) into bucket = hash mod table size, its weight added there.
 */
public final class BucketLoads {
    private BucketLoads() {
    }

    /** Load per bucket of a table of {@code size} entries under {@code hash}. */
    public static long[] of(List<ObservedFlow> flows, ToeplitzHash hash, int size) {
        long[] b = new long[size];
        for (ObservedFlow f : flows) {
            b[Integer.remainderUnsigned(hash.hash(f.flow()), size)] += f.weight();
        }
        return b;
    }

    /** The bucket each flow falls into, in the order of {@code flows}. */
    public static int[] bucketsOf(List<ObservedFlow> flows, ToeplitzHash hash, int size) {
        int[] out = new int[flows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.remainderUnsigned(hash.hash(flows.get(i).flow()), size);
        }
        return out;
    }

    /** Load per queue (indexed by queue number up to the table's highest) of bucket loads under a table. */
    public static long[] perQueue(long[] bucketLoads, IndirectionTable table) {
        long[] q = new long[table.highestQueue() + 1];
        for (int b = 0; b < bucketLoads.length; b++) {
            q[table.entry(b)] += bucketLoads[b];
        }
        return q;
    }
}
