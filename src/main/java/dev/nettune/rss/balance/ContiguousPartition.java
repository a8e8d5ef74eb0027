package dev.nettune.rss.balance;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.TableSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The best table {@code ethtool -X weight} can express for given bucket loads, solved exactly.
 *
 * <p>ethtool's weight fill gives queue {@code start + j} one contiguous block of buckets, in
 * queue order. With weights that add up to the table size its integer walk puts block
 * boundaries exactly at the weights' partial sums, so every contiguous partition of the buckets
 * into the queues is expressible, and the weights are the block lengths. Among all such
 * partitions this finds one whose heaviest queue is as light as possible (dynamic programming
 * over prefix sums), and among those the one with the least sum of squared queue loads (a second
 * pass bounded by that bottleneck). The result is rebuilt through the real fill rule
 * ({@link IndirectionTable#weight}) and checked bucket for bucket.
 */
public final class ContiguousPartition {

    /** The weights, the table ethtool builds from them, and its queue loads. */
    public record Result(List<Integer> weights, TableSpec spec, IndirectionTable table, LoadStats stats) {
        public Result {
            weights = List.copyOf(weights);
        }
    }

    private ContiguousPartition() {
    }

    /**
     * The exact best contiguous partition of {@code bucketLoads} over the queues of {@code span}.
     *
     * @param ringCount the NIC's ring count if known, which the table is validated against
     */
    public static Result solve(long[] bucketLoads, QueueSpan span, OptionalInt ringCount) {
        int s = bucketLoads.length;
        int q = span.count();
        if (q > s) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.balance.queuesOverTable",
                    "{0} queues cannot each get a block of a {1}-entry table.", q, s));
        }
        long[] prefix = new long[s + 1];
        for (int i = 0; i < s; i++) {
            prefix[i + 1] = prefix[i] + bucketLoads[i];
        }
        long bottleneck = bottleneck(prefix, q);
        int[] lengths = leastSquares(prefix, q, bottleneck);
        List<Integer> weights = new ArrayList<>(q);
        for (int len : lengths) {
            weights.add(len);
        }
        TableSpec spec = TableSpec.weight(weights, span.first());
        IndirectionTable table = spec.build(s, ringCount);
        int[] expected = new int[s];
        int at = 0;
        for (int j = 0; j < q; j++) {
            Arrays.fill(expected, at, at + lengths[j], span.first() + j);
            at += lengths[j];
        }
        if (!Arrays.equals(expected, table.entries())) {
            throw new IllegalStateException("ethtool's weight fill of " + weights + " does not reproduce the partition "
                    + Arrays.toString(expected) + ": got " + table);
        }
        return new Result(weights, spec, table, span.stats(bucketLoads, table.entries()));
    }

    /** The least possible heaviest block over all partitions of the buckets into {@code q} contiguous blocks. */
    static long bottleneck(long[] prefix, int q) {
        int s = prefix.length - 1;
        // best[i]: least bottleneck of buckets 0..i-1 in k blocks; rolled over k.
        long[] best = new long[s + 1];
        for (int i = 0; i <= s; i++) {
            best[i] = prefix[i];
        }
        for (int k = 2; k <= q; k++) {
            long[] next = new long[s + 1];
            for (int i = 0; i <= s; i++) {
                long m = Long.MAX_VALUE;
                for (int j = i; j >= 0; j--) {
                    long block = prefix[i] - prefix[j];
                    long v = Math.max(best[j], block);
                    m = Math.min(m, v);
                    if (block >= m) {
                        break; // the last block only grows as j falls
                    }
                }
                next[i] = m;
            }
            best = next;
        }
        return best[s];
    }

    /** Block lengths with every block at most {@code cap}, minimising the sum of squared block loads. */
    static int[] leastSquares(long[] prefix, int q, long cap) {
        int s = prefix.length - 1;
        double inf = Double.POSITIVE_INFINITY;
        double[][] cost = new double[q + 1][s + 1];
        int[][] from = new int[q + 1][s + 1];
        for (double[] row : cost) {
            Arrays.fill(row, inf);
        }
        cost[0][0] = 0;
        for (int k = 1; k <= q; k++) {
            for (int i = 0; i <= s; i++) {
                for (int j = i; j >= 0; j--) {
                    long block = prefix[i] - prefix[j];
                    if (block > cap) {
                        break;
                    }
                    if (cost[k - 1][j] == inf) {
                        continue;
                    }
                    double c = cost[k - 1][j] + (double) block * block;
                    // Ties go to the more even split of buckets, so idle stretches are shared.
                    if (c < cost[k][i] || (c == cost[k][i] && Math.abs((i - j) - s / (double) q)
                            < Math.abs((i - from[k][i]) - s / (double) q))) {
                        cost[k][i] = c;
                        from[k][i] = j;
                    }
                }
            }
        }
        if (cost[q][s] == inf) {
            throw new IllegalStateException("No partition under the bottleneck " + cap + ": the bottleneck pass is wrong.");
        }
        int[] lengths = new int[q];
        int i = s;
        for (int k = q; k >= 1; k--) {
            int j = from[k][i];
            lengths[k - 1] = i - j;
            i = j;
        }
        return lengths;
    }
}
