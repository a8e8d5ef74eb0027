package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class IndirectionTableTest {

    @Test
    void weightWalkMatchesEthtoolForUnevenWeights() {
        // ethtool's walk: while i >= floor(size * partial / sum), j++ and partial += w[j].
        // Boundaries floor(128/6) = 21 and floor(128*3/6) = 64: 21, 43 and 64 entries.
        IndirectionTable t = IndirectionTable.weight(128, List.of(1, 2, 3), 0, OptionalInt.empty());
        assertThat(t.bucketsPerQueue()).containsEntry(0, 21).containsEntry(1, 43).containsEntry(2, 64);
        assertThat(t.entry(20)).isZero();
        assertThat(t.entry(21)).isEqualTo(1);
        assertThat(t.entry(63)).isEqualTo(1);
        assertThat(t.entry(64)).isEqualTo(2);
    }

    @Test
    void equalBelowOneIsRejected() {
        assertThatThrownBy(() -> IndirectionTable.equal(128, 0, 0, OptionalInt.empty()))
                .isInstanceOf(RssInputException.class).hasMessage("equal 0 is not allowed: spread over at least 1 queue.");
    }

    @Test
    void allZeroWeightsAreRejected() {
        assertThatThrownBy(() -> IndirectionTable.weight(128, List.of(0, 0), 0, OptionalInt.empty()))
                .isInstanceOf(RssInputException.class).hasMessage("All weights are zero: at least one queue must get a share.");
    }

    @Test
    void weightsAboveTheTableSizeAreRejected() {
        assertThatThrownBy(() -> IndirectionTable.weight(8, List.of(5, 4), 0, OptionalInt.empty()))
                .isInstanceOf(RssInputException.class)
                .hasMessage("The weights add up to 9, more than the 8 table entries: scale them down (each entry is one share).");
    }

    @Test
    void entryAtOrAboveTheRingCountIsRejected() {
        assertThatThrownBy(() -> IndirectionTable.weight(128, List.of(0, 1, 0, 1), 0, OptionalInt.of(3)))
                .isInstanceOf(RssInputException.class)
                .hasMessage("This fill uses queues 0-3 but the NIC has 3 ring(s) (queues 0-2).");
        assertThatThrownBy(() -> IndirectionTable.equal(128, 4, 0, OptionalInt.of(4)).withRingCount(2))
                .isInstanceOf(RssInputException.class)
                .hasMessage("Entry 2 points at queue 2 but the NIC has 2 ring(s) (queues 0-1).");
    }

    @Test
    void defaultIsIModRingCount() {
        IndirectionTable t = IndirectionTable.defaultFor(128, 3);
        for (int i = 0; i < 128; i++) {
            assertThat(t.entry(i)).isEqualTo(i % 3);
        }
    }

    @Test
    void indexReadsTheHashAsUnsigned() {
        IndirectionTable t = IndirectionTable.equal(100, 4, 0, OptionalInt.empty());
        assertThat(t.indexOf(-1)).isEqualTo((int) (0xffffffffL % 100));
    }

    @Test
    void expectedShareIsBucketsOverSize() {
        IndirectionTable t = IndirectionTable.weight(128, List.of(6, 4), 0, OptionalInt.empty());
        assertThat(t.expectedShare(0)).isEqualTo(76 / 128.0);
        assertThat(t.expectedShare(5)).isZero();
    }
}
