package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.IndirectionTable;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ShareCheckTest {
    static final IndirectionTable EQUAL_4 = IndirectionTable.equal(128, 4, 0, OptionalInt.of(4));

    @Test
    void evenSpreadOverAnEqualTablePasses() {
        ShareCheck c = ShareCheck.of(new long[] {2510, 2475, 2490, 2525}, EQUAL_4);
        assertThat(c.verdict()).isEqualTo(Verdict.PASS);
        assertThat(c.queues().get(0).expectedShare()).isEqualTo(0.25);
    }

    @Test
    void oneQueueTakingHalfFails() {
        ShareCheck c = ShareCheck.of(new long[] {5000, 1700, 1650, 1650}, EQUAL_4);
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.explanation()).contains("queue 0").contains("50.0 %").contains("25.0 %");
    }

    @Test
    void weightedTableExpectsItsWeights() {
        IndirectionTable sixFour = IndirectionTable.weight(128, List.of(6, 4), 0, OptionalInt.of(4));
        assertThat(ShareCheck.of(new long[] {6000, 4000, 0, 0}, sixFour).verdict()).isEqualTo(Verdict.PASS);
        assertThat(ShareCheck.of(new long[] {4000, 6000, 0, 0}, sixFour).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void trafficOnAQueueWithoutBucketsMeansTheTableIsNotUsed() {
        IndirectionTable twoQueues = IndirectionTable.equal(128, 2, 0, OptionalInt.of(4));
        ShareCheck c = ShareCheck.of(new long[] {2500, 2500, 2500, 2500}, twoQueues);
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.explanation()).contains("no bucket").contains("not using this table");
    }

    @Test
    void fewPacketsAreInconclusive() {
        ShareCheck c = ShareCheck.of(new long[] {3, 1, 2, 0}, EQUAL_4);
        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.explanation()).contains("send at least 20");
    }

    @Test
    void unknownCountersAreInconclusive() {
        assertThat(ShareCheck.of(new long[] {-1, -1, -1, -1}, EQUAL_4).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }
}
