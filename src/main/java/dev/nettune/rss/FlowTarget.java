package dev.nettune.rss;

/** Where a flow should land: a receive queue, or one bucket of the indirection table. */
public record FlowTarget(boolean bucket, int value) {

    public FlowTarget {
        if (value < 0) {
            throw new RssInputException(bucket
                    ? dev.nettune.Phrase.of("rss.target.negativeBucket", "Bucket {0} is negative: numbers start at 0.", value)
                    : dev.nettune.Phrase.of("rss.target.negativeQueue", "Queue {0} is negative: numbers start at 0.", value));
        }
    }

    public static FlowTarget queue(int queue) {
        return new FlowTarget(false, queue);
    }

    public static FlowTarget bucket(int bucket) {
        return new FlowTarget(true, bucket);
    }

    /** Whether a flow in {@code index} of {@code table} is where this target wants it. */
    public boolean isMetBy(IndirectionTable table, int index) {
        return bucket ? index == value : index >= 0 && table.entry(index) == value;
    }

    /** Checks the target exists in the table: the bucket is in range, the queue owns a bucket. */
    public void checkReachable(IndirectionTable table) {
        if (bucket) {
            if (value >= table.size()) {
                throw new RssInputException(dev.nettune.Phrase.of("rss.target.noBucket", "Bucket {0} does not exist: the table has"
                        + " buckets 0-{1}.", value, table.size() - 1));
            }
        } else if (table.bucketsPerQueue().getOrDefault(value, 0) == 0) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.target.queueUnused", "Queue {0} has no bucket in this table, so"
                    + " no flow can reach it; the table uses queues {1}.", value, usedQueues(table)));
        }
    }

    /** The buckets that satisfy this target, ascending. */
    public int[] buckets(IndirectionTable table) {
        if (bucket) {
            return new int[] {value};
        }
        int n = 0;
        for (int i = 0; i < table.size(); i++) {
            if (table.entry(i) == value) {
                n++;
            }
        }
        int[] out = new int[n];
        for (int i = 0, j = 0; i < table.size(); i++) {
            if (table.entry(i) == value) {
                out[j++] = i;
            }
        }
        return out;
    }

    private static String usedQueues(IndirectionTable table) {
        StringBuilder sb = new StringBuilder();
        table.bucketsPerQueue().forEach((q, n) -> {
            if (n > 0) {
                sb.append(sb.length() > 0 ? ", " : "").append(q);
            }
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        return (bucket ? "bucket " : "queue ") + value;
    }
}
