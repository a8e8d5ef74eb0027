package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TableSpecTest {

    private static int count(IndirectionTable t, int q) {
        return t.bucketsPerQueue().getOrDefault(q, 0);
    }

    @Test
    void weightSixFourGives76BucketsOfQueue0Then52OfQueue1() {
        IndirectionTable t = TableSpec.parse("weight 6 4").build(OptionalInt.empty());
        for (int i = 0; i < 76; i++) {
            assertThat(t.entry(i)).as("entry %d", i).isZero();
        }
        for (int i = 76; i < 128; i++) {
            assertThat(t.entry(i)).as("entry %d", i).isEqualTo(1);
        }
    }

    @Test
    void weightZeroOneZeroOneGives64BucketsOfQueue1Then64OfQueue3() {
        IndirectionTable t = TableSpec.weight(List.of(0, 1, 0, 1)).build(OptionalInt.of(4));
        for (int i = 0; i < 64; i++) {
            assertThat(t.entry(i)).isEqualTo(1);
        }
        for (int i = 64; i < 128; i++) {
            assertThat(t.entry(i)).isEqualTo(3);
        }
    }

    @Test
    void startTwoEqualFortyCyclesQueues2To41() {
        IndirectionTable t = TableSpec.parse("start 2 equal 40").build(OptionalInt.of(64));
        for (int i = 0; i < 128; i++) {
            assertThat(t.entry(i)).isEqualTo(2 + i % 40);
        }
        assertThat(count(t, 2)).isEqualTo(4);
        assertThat(count(t, 41)).isEqualTo(3);
        assertThat(count(t, 1)).isZero();
    }

    @Test
    void equal64CyclesQueues0To63() {
        IndirectionTable t = TableSpec.equal(64).build(OptionalInt.empty());
        assertThat(t.entry(117)).isEqualTo(53);
        assertThat(t.bucketsPerQueue().values()).containsOnly(2);
    }

    @Test
    void defaultSpreadsOverTheRings() {
        IndirectionTable t = TableSpec.parse("default").build(OptionalInt.of(4));
        assertThat(t).isEqualTo(TableSpec.equal(4).build(OptionalInt.empty()));
    }

    @Test
    void defaultWithoutARingCountSaysWhatIsMissing() {
        assertThatThrownBy(() -> TableSpec.defaultSpread().build(OptionalInt.empty()))
                .isInstanceOf(RssInputException.class).hasMessageContaining("ring count is not known");
    }

    @Test
    void equalZeroIsRejected() {
        assertThatThrownBy(() -> TableSpec.equal(0)).isInstanceOf(RssInputException.class)
                .hasMessage("equal 0 is not allowed: spread over at least 1 queue.");
    }

    @Test
    void allZeroWeightsAreRejected() {
        assertThatThrownBy(() -> TableSpec.parse("weight 0 0 0")).isInstanceOf(RssInputException.class)
                .hasMessage("All weights are zero: at least one queue must get a share.");
    }

    @Test
    void weightsAddingUpToMoreThanTheTableAreRejected() {
        assertThatThrownBy(() -> TableSpec.weight(List.of(100, 29)).build(OptionalInt.empty()))
                .isInstanceOf(RssInputException.class)
                .hasMessage("The weights add up to 129, more than the 128 table entries: scale them down (each entry is one share).");
    }

    @Test
    void startAloneIsRejected() {
        assertThatThrownBy(() -> TableSpec.parse("start 2")).isInstanceOf(RssInputException.class)
                .hasMessage("start 2 needs equal N or weight W...: ethtool takes start only together with one of them.");
        assertThatThrownBy(() -> TableSpec.of(OptionalInt.empty(), List.of(), OptionalInt.of(1)))
                .isInstanceOf(RssInputException.class).hasMessageContaining("start 1 needs equal N or weight");
    }

    @Test
    void anEntryBeyondTheRingCountIsRejected() {
        assertThatThrownBy(() -> TableSpec.equal(40, 2).build(OptionalInt.of(32)))
                .isInstanceOf(RssInputException.class)
                .hasMessage("This fill uses queues 2-41 but the NIC has 32 ring(s) (queues 0-31).");
        assertThatThrownBy(() -> IndirectionTable.of(new int[] {0, 1, 4, 2}, OptionalInt.of(4)))
                .isInstanceOf(RssInputException.class)
                .hasMessage("Entry 2 points at queue 4 but the NIC has 4 ring(s) (queues 0-3).");
    }

    @Test
    void equalAndWeightTogetherAreRejected() {
        assertThatThrownBy(() -> TableSpec.parse("equal 4 weight 1 1")).isInstanceOf(RssInputException.class)
                .hasMessage("equal and weight cannot be combined: choose one.");
    }

    @Test
    void unknownWordIsRejectedWithTheAllowedForms() {
        assertThatThrownBy(() -> TableSpec.parse("equal 4 hkey 6d")).isInstanceOf(RssInputException.class)
                .hasMessageContaining("'hkey' is not part of a table request");
    }

    @Test
    void missingNumberAfterEqualIsRejected() {
        assertThatThrownBy(() -> TableSpec.parse("equal four")).isInstanceOf(RssInputException.class)
                .hasMessage("equal must be followed by the number of queues, like equal 4, not 'four'.");
    }

    @Test
    void rendersItselfAsEthtoolArguments() {
        assertThat(TableSpec.parse("equal 40 start 2").toEthtoolArguments()).containsExactly("start", "2", "equal", "40");
        assertThat(TableSpec.weight(List.of(6, 4)).toString()).isEqualTo("weight 6 4");
        assertThat(TableSpec.defaultSpread().toString()).isEqualTo("default");
        assertThat(TableSpec.parse(TableSpec.weight(List.of(0, 1, 0, 1), 3).toString()))
                .isEqualTo(TableSpec.weight(List.of(0, 1, 0, 1), 3));
    }

    @Test
    void buildsTablesOfAnySize() {
        IndirectionTable t = TableSpec.weight(List.of(1, 1, 2)).build(512, OptionalInt.of(3));
        assertThat(t.size()).isEqualTo(512);
        assertThat(t.bucketsPerQueue()).containsEntry(0, 128).containsEntry(1, 128).containsEntry(2, 256);
    }
}
