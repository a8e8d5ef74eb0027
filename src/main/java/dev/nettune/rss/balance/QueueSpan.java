package dev.nettune.rss.balance;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;

/** The queues a balance spreads load over: {@code first .. first + count - 1}. */
public record QueueSpan(int first, int count) {
    public QueueSpan {
        if (first < 0) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.balance.firstQueue", "The first queue is {0}: queue numbers start at 0.", first));
        }
        if (count < 1) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.balance.noQueue", "A balance needs at least 1 queue, not {0}.", count));
        }
    }

    /** The queues a table uses today: from its lowest to its highest entry, as its owner chose them. */
    public static QueueSpan of(IndirectionTable table) {
        int lo = Integer.MAX_VALUE;
        int hi = 0;
        for (int i = 0; i < table.size(); i++) {
            lo = Math.min(lo, table.entry(i));
            hi = Math.max(hi, table.entry(i));
        }
        return new QueueSpan(lo, hi - lo + 1);
    }

    public int last() {
        return first + count - 1;
    }

    public boolean contains(int queue) {
        return queue >= first && queue <= last();
    }

    /** The per-queue loads of this span from per-bucket loads under {@code table}. */
    public long[] queueLoads(long[] bucketLoads, int[] table) {
        long[] q = new long[count];
        for (int b = 0; b < table.length; b++) {
            int k = table[b] - first;
            if (k < 0 || k >= count) {
                throw new RssInputException(dev.nettune.Phrase.of("rss.balance.bucketOutside", "Bucket {0} points at queue {1},"
                        + " outside queues {2}-{3} that this balance covers.", b, table[b], first, last()));
            }
            q[k] += bucketLoads[b];
        }
        return q;
    }

    /** The load statistics of a table over this span. */
    public LoadStats stats(long[] bucketLoads, int[] table) {
        return LoadStats.of(queueLoads(bucketLoads, table), first);
    }
}
