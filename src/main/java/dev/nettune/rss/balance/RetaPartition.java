package dev.nettune.rss.balance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * An arbitrary indirection table (a DPDK RETA, where every entry is set on its own) that spreads
 * bucket loads over the queues: heaviest bucket first onto the lightest queue (ties to the queue
 * with fewer buckets, so buckets with no load yet stay evenly spread for future flows), then
 * single-bucket moves and swaps off the heaviest queue while they lower it. The same improvement
 * also runs from today's table, and the better of the two is kept, so it is never worse.
 */
public final class RetaPartition {
    private RetaPartition() {
    }

    /** The table entries (queue numbers) for these bucket loads over the queues of {@code span}. */
    public static int[] solve(long[] bucketLoads, QueueSpan span, int[] today) {
        int[] greedy = greedy(bucketLoads, span);
        improve(bucketLoads, span, greedy);
        int[] fromToday = today.clone();
        improve(bucketLoads, span, fromToday);
        LoadStats a = span.stats(bucketLoads, greedy);
        LoadStats b = span.stats(bucketLoads, fromToday);
        return a.max() < b.max() || (a.max() == b.max() && a.coefficientOfVariation() <= b.coefficientOfVariation())
                ? greedy : fromToday;
    }

    static int[] greedy(long[] loads, QueueSpan span) {
        int s = loads.length;
        Integer[] order = IntStream.range(0, s).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong((Integer b) -> loads[b]).reversed().thenComparingInt(b -> b));
        long[] q = new long[span.count()];
        int[] count = new int[span.count()];
        int[] table = new int[s];
        for (int b : order) {
            int best = 0;
            for (int k = 1; k < q.length; k++) {
                if (q[k] < q[best] || (q[k] == q[best] && count[k] < count[best])) {
                    best = k;
                }
            }
            q[best] += loads[b];
            count[best]++;
            table[b] = span.first() + best;
        }
        return table;
    }

    /** Moves or swaps buckets off the heaviest queue while that lowers it without raising another above it. */
    static void improve(long[] loads, QueueSpan span, int[] table) {
        int first = span.first();
        long[] q = span.queueLoads(loads, table);
        for (int round = 0; round < 10_000; round++) {
            int hi = 0;
            for (int k = 1; k < q.length; k++) {
                if (q[k] > q[hi]) {
                    hi = k;
                }
            }
            long max = q[hi];
            int bestB = -1;
            int bestC = -1;
            int bestTo = -1;
            long bestNew = max;
            for (int b = 0; b < table.length; b++) {
                if (table[b] - first != hi || loads[b] == 0) {
                    continue;
                }
                for (int to = 0; to < q.length; to++) {
                    if (to == hi) {
                        continue;
                    }
                    long moved = Math.max(q[hi] - loads[b], q[to] + loads[b]);
                    if (moved < bestNew) {
                        bestNew = moved;
                        bestB = b;
                        bestC = -1;
                        bestTo = to;
                    }
                }
                for (int c = 0; c < table.length; c++) {
                    int to = table[c] - first;
                    if (to == hi || loads[c] >= loads[b]) {
                        continue;
                    }
                    long d = loads[b] - loads[c];
                    long swapped = Math.max(q[hi] - d, q[to] + d);
                    if (swapped < bestNew) {
                        bestNew = swapped;
                        bestB = b;
                        bestC = c;
                        bestTo = to;
                    }
                }
            }
            if (bestB < 0) {
                return;
            }
            // Both queues end below the old maximum, so the sum of squares falls: the loop ends.
            q[hi] -= loads[bestB];
            q[bestTo] += loads[bestB];
            table[bestB] = first + bestTo;
            if (bestC >= 0) {
                q[bestTo] -= loads[bestC];
                q[hi] += loads[bestC];
                table[bestC] = first + hi;
            }
        }
    }
}
