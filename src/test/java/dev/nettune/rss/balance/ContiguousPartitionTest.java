package dev.nettune.rss.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.IndirectionTable;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContiguousPartitionTest {

    /** Every way to cut {@code loads} into {@code q} contiguous (possibly empty) blocks: the least bottleneck. */
    private static long bruteForce(long[] loads, int q) {
        return cut(loads, 0, q);
    }

    private static long cut(long[] loads, int from, int q) {
        if (q == 1) {
            return Arrays.stream(loads, from, loads.length).sum();
        }
        long best = Long.MAX_VALUE;
        long block = 0;
        for (int end = from; end <= loads.length; end++) {
            best = Math.min(best, Math.max(block, cut(loads, end, q - 1)));
            if (end < loads.length) {
                block += loads[end];
            }
        }
        return best;
    }

    @Test
    void theBottleneckIsTheLeastOfEveryContiguousPartition() {
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 200; t++) {
            int s = 4 + r.nextInt(9);
            int q = 1 + r.nextInt(Math.min(4, s));
            long[] loads = new long[s];
            for (int i = 0; i < s; i++) {
                loads[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(1000);
            }
            ContiguousPartition.Result res = ContiguousPartition.solve(loads, new QueueSpan(0, q), OptionalInt.empty());
            assertThat(res.stats().max()).as(Arrays.toString(loads) + " into " + q).isEqualTo(bruteForce(loads, q));
        }
    }

    @Test
    void theWeightsBuildExactlyThePartitionThroughEthtoolsFillRule() {
        SplittableRandom r = new SplittableRandom(9);
        for (int t = 0; t < 100; t++) {
            long[] loads = new long[128];
            for (int i = 0; i < 128; i++) {
                loads[i] = r.nextInt(3) == 0 ? r.nextLong(1_000_000) : r.nextInt(50);
            }
            int q = 1 + r.nextInt(16);
            int start = r.nextInt(4);
            ContiguousPartition.Result res = ContiguousPartition.solve(loads, new QueueSpan(start, q), OptionalInt.of(start + q));
            IndirectionTable rebuilt = IndirectionTable.weight(128, res.weights(), start, OptionalInt.of(start + q));
            assertThat(rebuilt).isEqualTo(res.table());
            assertThat(res.weights().stream().mapToInt(Integer::intValue).sum()).isEqualTo(128);
            assertThat(res.spec().toEthtoolArguments()).startsWith("start", Integer.toString(start), "weight");
        }
    }

    @Test
    void evenLoadGivesEveryQueueAnEqualBlock() {
        long[] loads = new long[128];
        Arrays.fill(loads, 10);
        ContiguousPartition.Result res = ContiguousPartition.solve(loads, new QueueSpan(0, 4), OptionalInt.of(4));
        assertThat(res.weights()).containsExactly(32, 32, 32, 32);
        assertThat(res.stats().maxOverMean()).isEqualTo(1.0);
    }
}
