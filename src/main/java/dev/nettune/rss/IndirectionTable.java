package dev.nettune.rss;

import dev.nettune.Phrase;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The RSS indirection table: bucket index (hash mod size) to receive queue. Filled exactly as
 * {@code ethtool -X} fills it. The ring count, when known, bounds every entry.
 */
public final class IndirectionTable {
    /** The fixed table length of an Alibaba Cloud ENI with custom RSS. */
    public static final int ENI_SIZE = 128;

    private final int[] entries;
    private final OptionalInt ringCount;

    private IndirectionTable(int[] entries, OptionalInt ringCount) {
        this.entries = entries;
        this.ringCount = ringCount;
    }

    /** A table with exactly these entries; {@code ringCount} (if known) must exceed every entry. */
    public static IndirectionTable of(int[] entries, OptionalInt ringCount) {
        if (entries.length == 0) {
            throw new RssInputException(Phrase.of("rss.table.empty", "An indirection table needs at least one entry."));
        }
        ringCount.ifPresent(r -> {
            if (r < 1) {
                throw new RssInputException(Phrase.of("rss.table.ringsZero", "The ring count must be at least 1, not {0}.", r));
            }
        });
        for (int i = 0; i < entries.length; i++) {
            int q = entries[i];
            if (q < 0) {
                throw new RssInputException(Phrase.of("rss.table.negativeEntry", "Entry {0} is {1}: queue numbers start at 0.", i, q));
            }
            if (ringCount.isPresent() && q >= ringCount.getAsInt()) {
                throw new RssInputException(Phrase.of("rss.table.entryBeyondRings",
                        "Entry {0} points at queue {1} but the NIC has {2} ring(s) (queues 0-{3}).", i, q, ringCount.getAsInt(),
                        ringCount.getAsInt() - 1));
            }
        }
        return new IndirectionTable(entries.clone(), ringCount);
    }

    public static IndirectionTable of(int[] entries) {
        return of(entries, OptionalInt.empty());
    }

    /** {@code ethtool -X NIC [start S] equal N}: entry i = start + (i mod N). */
    public static IndirectionTable equal(int size, int queues, int start, OptionalInt ringCount) {
        checkSize(size);
        if (queues < 1) {
            throw new RssInputException(Phrase.of("rss.table.equalZero", "equal {0} is not allowed: spread over at least 1 queue.", queues));
        }
        checkStart(start);
        int[] e = new int[size];
        for (int i = 0; i < size; i++) {
            e[i] = start + (i % queues);
        }
        checkRange(start, start + Math.min(queues, size) - 1, ringCount);
        return of(e, ringCount);
    }

    /**
     * {@code ethtool -X NIC [start S] weight W0 W1 ...}: contiguous blocks, each queue's share of the
     * table proportional to its weight, computed with ethtool's own integer walk so that the result
     * matches the device bucket for bucket.
     */
    public static IndirectionTable weight(int size, List<Integer> weights, int start, OptionalInt ringCount) {
        checkSize(size);
        checkStart(start);
        if (weights.isEmpty()) {
            throw new RssInputException(Phrase.of("rss.table.noWeights", "weight needs at least one weight, for example: weight 6 4."));
        }
        long sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            int w = weights.get(i);
            if (w < 0) {
                throw new RssInputException(Phrase.of("rss.table.negativeWeight", "Weight {0} is {1}: weights are 0 or more.", i, w));
            }
            sum += w;
        }
        if (sum == 0) {
            throw new RssInputException(Phrase.of("rss.table.zeroWeights", "All weights are zero: at least one queue must get a share."));
        }
        if (sum > size) {
            throw new RssInputException(Phrase.of("rss.table.weightsTooBig",
                    "The weights add up to {0}, more than the {1} table entries: scale them down (each entry is one share).", sum, size));
        }
        int[] e = new int[size];
        int j = -1;
        long partial = 0;
        int highest = 0;
        for (int i = 0; i < size; i++) {
            while (i >= (size * partial) / sum) {
                j += 1;
                partial += weights.get(j);
            }
            e[i] = start + j;
            highest = Math.max(highest, e[i]);
        }
        checkRange(start, highest, ringCount);
        return of(e, ringCount);
    }

    /** {@code ethtool -X NIC default}: entry i = i mod ring count. */
    public static IndirectionTable defaultFor(int size, int ringCount) {
        checkSize(size);
        if (ringCount < 1) {
            throw new RssInputException(Phrase.of("rss.table.ringsZero", "The ring count must be at least 1, not {0}.", ringCount));
        }
        return equal(size, ringCount, 0, OptionalInt.of(ringCount));
    }

    private static void checkSize(int size) {
        if (size < 1 || size > 65536) {
            throw new RssInputException(Phrase.of("rss.table.sizeOutOfRange", "Table size {0} is out of range: 1-65536 entries (an ENI has 128).", size));
        }
    }

    private static void checkStart(int start) {
        if (start < 0) {
            throw new RssInputException(Phrase.of("rss.table.negativeStart", "start {0} is negative: queue numbers start at 0.", start));
        }
    }

    private static void checkRange(int first, int last, OptionalInt ringCount) {
        if (ringCount.isPresent() && last >= ringCount.getAsInt()) {
            throw new RssInputException(Phrase.of("rss.table.fillBeyondRings",
                    "This fill uses queues {0}-{1} but the NIC has {2} ring(s) (queues 0-{3}).", first, last, ringCount.getAsInt(),
                    ringCount.getAsInt() - 1));
        }
    }

    public int size() {
        return entries.length;
    }

    public OptionalInt ringCount() {
        return ringCount;
    }

    public int entry(int index) {
        return entries[index];
    }

    public int[] entries() {
        return entries.clone();
    }

    /** The bucket a hash falls into: hash mod size, the hash read as unsigned. */
    public int indexOf(int hash) {
        return (int) Long.remainderUnsigned(hash & 0xffffffffL, entries.length);
    }

    /** The queue a hash is steered to. */
    public int queueOf(int hash) {
        return entries[indexOf(hash)];
    }

    /** The highest queue number the table references. */
    public int highestQueue() {
        return Arrays.stream(entries).max().orElse(0);
    }

    /** How many buckets point at each queue, for every queue 0..max(highest, rings-1). */
    public Map<Integer, Integer> bucketsPerQueue() {
        int n = Math.max(highestQueue() + 1, ringCount.orElse(0));
        int[] c = new int[n];
        for (int q : entries) {
            c[q]++;
        }
        Map<Integer, Integer> m = new LinkedHashMap<>();
        for (int q = 0; q < n; q++) {
            m.put(q, c[q]);
        }
        return m;
    }

    /** The share of a uniform hash each queue gets: its bucket count / size. */
    public double expectedShare(int queue) {
        return bucketsPerQueue().getOrDefault(queue, 0) / (double) entries.length;
    }

    /** The same entries with a (newly) known ring count, validated against it. */
    public IndirectionTable withRingCount(int rings) {
        return of(entries, OptionalInt.of(rings));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndirectionTable t && Arrays.equals(entries, t.entries);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(entries);
    }

    @Override
    public String toString() {
        return "IndirectionTable" + Arrays.toString(entries);
    }
}
