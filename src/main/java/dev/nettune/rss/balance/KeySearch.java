package dev.nettune.rss.balance;

import dev.nettune.rss.Flow;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Searches for a key that spreads observed flows evenly over the queues of a table.
 *
 * <p>The Toeplitz hash is linear in the key over GF(2): {@code hash(K) = XOR of C_j over the set
 * key bits j}, where {@code C_j} is the hash of the flow under a key with only bit j set. For one
 * flow {@code C_j} is a 32-bit shift register over its input bits ({@code C_j = C_(j-1) >>> 1 |
 * inputBit(j) << 31}), so every key bit's effect on every flow is computed once, in one pass.
 * Flipping key bit j then moves each flow from bucket {@code b} to {@code b XOR C_j} (for a
 * power-of-two table; the low bits of the hash), so a candidate key costs one XOR, one table
 * lookup and one add per flow, and no hash. Key bits that move no flow's bucket are never tried
 * (for IPv4 4-tuples and a 128-entry table, bits 0-24 and 127 on do nothing).
 *
 * <p>The search is a first-improvement hill climb over single bit flips in a shuffled order on the
 * sum of squared queue loads (smooth, where the heaviest queue alone has long plateaus), keeping
 * the best key seen by the heaviest queue and then by that sum, with random
 * multi-bit kicks out of local optima; it starts from the current key and returns the best key
 * it saw, so it is never worse than today. It stops early only at a perfect spread (every queue at
 * the mean, rounded up). Deterministic for a given seed.
 */
public final class KeySearch {

    /**
     * The budget of the search: at most {@code maxCandidates} keys and at most {@code maxFlowEvaluations}
     * flow-hash evaluations (candidates x flows), whichever comes first; and its random seed.
     */
    public record Options(long maxCandidates, long maxFlowEvaluations, long seed) {
        public Options {
            if (maxCandidates < 1 || maxFlowEvaluations < 1) {
                throw new RssInputException(dev.nettune.Phrase.of("rss.balance.budget", "The key search needs a budget of at least 1 candidate key."));
            }
        }

        /** A budget of candidates alone, with no limit on flow evaluations. */
        public Options(long maxCandidates, long seed) {
            this(maxCandidates, Long.MAX_VALUE, seed);
        }

        /** 100,000 candidate keys or 200 million flow evaluations: one to two seconds on a small machine. */
        public static Options defaults() {
            return new Options(100_000, 200_000_000L, 0x5eed);
        }

        long candidatesFor(int flows) {
            return Math.max(1, Math.min(maxCandidates, maxFlowEvaluations / Math.max(1, flows)));
        }
    }

    /** The best key found, its per-bucket loads, its statistics, and how many candidate keys were scored. */
    public record Result(RssKey key, long[] bucketLoads, LoadStats stats, long candidates, long flowEvaluations) {
    }

    private final int n;
    private final int size;
    private final boolean narrow;
    private final int mask;
    private final int keyBits;
    private final int[] relevant;
    private final byte[] narrowContrib;
    private final int[] wideContrib;
    private final long[] weights;
    private final int[] table;
    private final QueueSpan span;
    private final RssKey start;
    private final long lowerBound;
    private final Flow[] flows;

    /**
     * Precomputes every key bit's effect on every flow.
     *
     * @param table the table's entries (its size is the number of buckets)
     */
    public KeySearch(List<ObservedFlow> flows, RssKey start, int[] table, QueueSpan span) {
        this.n = flows.size();
        this.size = table.length;
        this.table = table.clone();
        this.span = span;
        this.start = start;
        this.keyBits = start.length() * 8;
        this.narrow = Integer.bitCount(size) == 1 && size <= 256;
        this.mask = narrow ? size - 1 : -1;
        this.flows = new Flow[n];
        for (int f = 0; f < n; f++) {
            this.flows[f] = flows.get(f).flow();
        }
        this.weights = new long[n];
        long heaviest = 0;
        long total = 0;
        for (int f = 0; f < n; f++) {
            weights[f] = flows.get(f).weight();
            heaviest = Math.max(heaviest, weights[f]);
            total += weights[f];
        }
        // Only a perfectly even spread ends the search early: when one flow outweighs the mean the
        // heaviest queue is pinned, yet the others can still even out.
        this.lowerBound = heaviest > total / span.count() ? -1 : (total + span.count() - 1) / span.count();
        // Contribution of key bit j to flow f, one flow at a time (the shift register), kept by bit;
        // flows go in blocks so that each bit's row is written sequentially.
        int[] contrib = new int[keyBits];
        // Each bucket bit of C_j is one input bit, so a key bit moves some flow exactly when it moves
        // the OR of all inputs: one register pass over that OR finds the bits worth trying.
        byte[][] inputs = new byte[n][];
        byte[] union = new byte[ToeplitzHash.MAX_INPUT];
        for (int f = 0; f < n; f++) {
            inputs[f] = this.flows[f].hashInput();
            for (int i = 0; i < inputs[f].length; i++) {
                union[i] |= inputs[f][i];
            }
        }
        registers(union, contrib);
        boolean[] moves = new boolean[keyBits];
        for (int j = 0; j < keyBits; j++) {
            moves[j] = (contrib[j] & mask) != 0;
        }
        int r = 0;
        for (boolean m : moves) {
            r += m ? 1 : 0;
        }
        relevant = new int[r];
        r = 0;
        for (int j = 0; j < keyBits; j++) {
            if (moves[j]) {
                relevant[r++] = j;
            }
        }
        long cells = (long) relevant.length * n;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.balance.tooManyFlows", "{0} flows are too many for the key search:"
                    + " use at most {1} (merge or sample them).", n, Integer.MAX_VALUE / Math.max(1, relevant.length)));
        }
        narrowContrib = narrow ? new byte[(int) cells] : null;
        wideContrib = narrow ? null : new int[(int) cells];
        final int block = 256;
        int[] rows = new int[relevant.length * block];
        byte[] narrowRows = narrow ? new byte[relevant.length * block] : null;
        for (int f0 = 0; f0 < n; f0 += block) {
            int len = Math.min(block, n - f0);
            for (int i = 0; i < len; i++) {
                registers(inputs[f0 + i], contrib);
                inputs[f0 + i] = null;
                for (int k = 0; k < relevant.length; k++) {
                    int c = contrib[relevant[k]] & mask;
                    if (narrow) {
                        narrowRows[k * block + i] = (byte) c;
                    } else {
                        rows[k * block + i] = c;
                    }
                }
            }
            for (int k = 0; k < relevant.length; k++) {
                if (narrow) {
                    System.arraycopy(narrowRows, k * block, narrowContrib, k * n + f0, len);
                } else {
                    System.arraycopy(rows, k * block, wideContrib, k * n + f0, len);
                }
            }
        }
    }

    /** {@code out[j]} = the hash of the input under a key with only bit j set. */
    static void registers(byte[] input, int[] out) {
        int bits = input.length * 8;
        int c = 0;
        int live = Math.min(out.length, bits + 31);
        java.util.Arrays.fill(out, live, out.length, 0);
        for (int j = 0; j < live; j++) {
            int bit = j < bits ? (input[j >>> 3] >>> (7 - (j & 7))) & 1 : 0;
            c = (c >>> 1) | (bit << 31);
            out[j] = c;
        }
    }

    /** The key bits that move at least one flow to another bucket. */
    public int relevantBits() {
        return relevant.length;
    }

    /** Runs the search; {@code cancelled} is polled between passes. */
    public Result run(Options options, BooleanSupplier cancelled) {
        ToeplitzHash h0 = new ToeplitzHash(start);
        byte[] key = start.bytes();
        long[] scratch = new long[size];
        long[] queues = new long[span.count()];
        SplittableRandom random = new SplittableRandom(options.seed());
        long budget = options.candidatesFor(n);
        return narrow ? runNarrow(budget, cancelled, h0, key, new byte[n], scratch, queues, random)
                : runWide(budget, cancelled, h0, key, new int[n], scratch, queues, random);
    }

    private Result runNarrow(long budget, BooleanSupplier cancelled, ToeplitzHash h0, byte[] key, byte[] cur,
                             long[] scratch, long[] queues, SplittableRandom random) {
        // Buckets are recomputed from contributions: bucket(K) = XOR of C_j & mask over set bits.
        int[] full = new int[n];
        fullHashes(h0, full);
        for (int f = 0; f < n; f++) {
            cur[f] = (byte) (full[f] & mask);
        }
        return climb(budget, cancelled, key, random, new Candidates() {
            @Override
            public void score(int k, double[] out) {
                scoreNarrow(cur, k, scratch, queues, out);
            }

            @Override
            public void flip(int k) {
                flipNarrow(cur, k);
            }
        });
    }

    private Result runWide(long budget, BooleanSupplier cancelled, ToeplitzHash h0, byte[] key, int[] cur,
                           long[] scratch, long[] queues, SplittableRandom random) {
        fullHashes(h0, cur);
        return climb(budget, cancelled, key, random, new Candidates() {
            @Override
            public void score(int k, double[] out) {
                scoreWide(cur, k, scratch, queues, out);
            }

            @Override
            public void flip(int k) {
                flipWide(cur, k);
            }
        });
    }

    /**
     * The current buckets of a search, kept narrow (one byte per flow) or wide (the whole hash): scoring a flipped
     * bit and applying it are the hot loops, specialised per layout; the climb around them is one.
     */
    private interface Candidates {
        /** Scores the buckets with relevant bit {@code k} flipped ({@code k < 0}: as they are) into max, sum of squares. */
        void score(int k, double[] out);

        /** Applies relevant bit {@code k} to the current buckets. */
        void flip(int k);
    }

    /** Hill-climbs over single key-bit flips, kicking a few random bits at a local optimum, within the budget. */
    private Result climb(long budget, BooleanSupplier cancelled, byte[] key, SplittableRandom random, Candidates c) {
        double[] score = new double[2];
        c.score(-1, score);
        long bestMax = (long) score[0];
        double bestSq = score[1];
        byte[] bestKey = key.clone();
        long curMax = (long) score[0];
        double curSq = score[1];
        long candidates = 0;
        int[] order = relevant.length == 0 ? new int[0] : shuffled(random);
        while (candidates < budget && bestMax > lowerBound && order.length > 0) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Key search stopped after " + candidates + " candidate keys.");
            }
            boolean improved = false;
            for (int k : order) {
                if (candidates >= budget) {
                    break;
                }
                c.score(k, score);
                candidates++;
                if (score[1] < curSq) {
                    c.flip(k);
                    flip(key, relevant[k]);
                    curMax = (long) score[0];
                    curSq = score[1];
                    improved = true;
                    if (better(curMax, curSq, bestMax, bestSq)) {
                        bestMax = curMax;
                        bestSq = curSq;
                        bestKey = key.clone();
                        if (bestMax <= lowerBound) {
                            break;
                        }
                    }
                }
            }
            if (!improved) {
                // A local optimum: kick a few random bits and climb again from there.
                int kicks = 2 + random.nextInt(3);
                for (int i = 0; i < kicks; i++) {
                    int k = random.nextInt(relevant.length);
                    c.flip(k);
                    flip(key, relevant[k]);
                }
                c.score(-1, score);
                curMax = (long) score[0];
                curSq = score[1];
                order = shuffled(random);
            }
        }
        return finish(bestKey, candidates);
    }

    private Result finish(byte[] bestKey, long candidates) {
        RssKey k = RssKey.of(bestKey);
        long[] buckets = new long[size];
        int[] full = new int[n];
        fullHashes(new ToeplitzHash(k), full);
        for (int f = 0; f < n; f++) {
            buckets[Integer.remainderUnsigned(full[f], size)] += weights[f];
        }
        return new Result(k, buckets, span.stats(buckets, table), candidates, candidates * n);
    }

    /** Every flow's whole hash under {@code h}: the real hash, once per search start and end. */
    private void fullHashes(ToeplitzHash h, int[] out) {
        for (int f = 0; f < n; f++) {
            out[f] = h.hash(flows[f]);
        }
    }

    /** Precomputes a search over {@code flows} starting at {@code start} for a table's entries. */
    public static KeySearch over(List<ObservedFlow> flows, RssKey start, int[] table, QueueSpan span) {
        return new KeySearch(flows, start, table, span);
    }

    private static boolean better(long max, double sq, long refMax, double refSq) {
        return max < refMax || (max == refMax && sq < refSq);
    }

    private int[] shuffled(SplittableRandom random) {
        int[] o = new int[relevant.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        for (int i = o.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

    private static void flip(byte[] key, int bit) {
        key[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
    }

    private void flipNarrow(byte[] cur, int k) {
        int base = k * n;
        byte[] c = narrowContrib;
        for (int f = 0; f < n; f++) {
            cur[f] ^= c[base + f];
        }
    }

    private void flipWide(int[] cur, int k) {
        int base = k * n;
        int[] c = wideContrib;
        for (int f = 0; f < n; f++) {
            cur[f] ^= c[base + f];
        }
    }

    /** Scores the buckets with key bit {@code relevant[k]} flipped ({@code k < 0}: as they are). */
    private void scoreNarrow(byte[] cur, int k, long[] buckets, long[] queues, double[] out) {
        Arrays.fill(buckets, 0);
        final long[] w = weights;
        final int m = mask;
        if (k < 0) {
            for (int f = 0; f < n; f++) {
                buckets[cur[f] & m] += w[f];
            }
        } else {
            final byte[] c = narrowContrib;
            final int base = k * n;
            for (int f = 0; f < n; f++) {
                buckets[(cur[f] ^ c[base + f]) & m] += w[f];
            }
        }
        queueScore(buckets, queues, out);
    }

    private void scoreWide(int[] cur, int k, long[] buckets, long[] queues, double[] out) {
        Arrays.fill(buckets, 0);
        final long[] w = weights;
        final int s = size;
        if (k < 0) {
            for (int f = 0; f < n; f++) {
                buckets[Integer.remainderUnsigned(cur[f], s)] += w[f];
            }
        } else {
            final int[] c = wideContrib;
            final int base = k * n;
            for (int f = 0; f < n; f++) {
                buckets[Integer.remainderUnsigned(cur[f] ^ c[base + f], s)] += w[f];
            }
        }
        queueScore(buckets, queues, out);
    }

    private void queueScore(long[] buckets, long[] queues, double[] out) {
        Arrays.fill(queues, 0);
        int first = span.first();
        for (int b = 0; b < size; b++) {
            queues[table[b] - first] += buckets[b];
        }
        long max = 0;
        double sq = 0;
        for (long q : queues) {
            max = Math.max(max, q);
            sq += (double) q * q;
        }
        out[0] = max;
        out[1] = sq;
    }
}
