package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A table request as typed into a form (the Calculator's fields), read by the rss domain. */
class TableSpecFormTest {
    @Test
    void equalWithAStartReadsBothFields() {
        assertThat(TableSpec.parseEqual(" 40 ", "2")).isEqualTo(TableSpec.equal(40, 2));
    }

    @Test
    void anEmptyStartMeansQueueZero() {
        assertThat(TableSpec.parseEqual("4", "  ").start()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void weightsMaySeparateWithSpacesOrCommas() {
        assertThat(TableSpec.parseWeight("6, 4 2", "").weights()).isEqualTo(List.of(6, 4, 2));
    }

    @Test
    void aWordInTheWeightsIsNamedWithItsPosition() {
        assertThatThrownBy(() -> TableSpec.parseWeights("6 four"))
                .isInstanceOf(RssInputException.class)
                .hasMessage("Weight 1 is 'four': weights are whole numbers separated by spaces, for example 6 4.");
    }

    @Test
    void aQueueCountThatIsNotANumberSaysWhatIsExpected() {
        assertThatThrownBy(() -> TableSpec.parseEqual("many", ""))
                .hasMessage("equal 'many' is not a whole number: give the number of queues, like 4.");
    }

    @Test
    void aRingCountOfZeroIsRefusedAndEmptyIsUnknown() {
        assertThat(TableSpec.parseRingCount("")).isEmpty();
        assertThatThrownBy(() -> TableSpec.parseRingCount("0")).hasMessageContaining("1 or more");
    }

    @Test
    void aTableSizeMustBeAWholeNumber() {
        assertThat(TableSpec.parseSize("128")).isEqualTo(128);
        assertThatThrownBy(() -> TableSpec.parseSize("12x")).hasMessageContaining("an ENI has 128 entries");
    }
}
