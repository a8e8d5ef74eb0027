package dev.nettune.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The flows-per-bucket heat map's scale and labels (no toolkit needed for these). */
class BucketHeatMapTest {
    @Test
    void noFlowsIsPaleAndTheBusiestBucketIsDeepBlue() {
        assertThat(BucketHeatMap.colour(0)).isEqualTo("#f2f5fa");
        assertThat(BucketHeatMap.colour(1)).isEqualTo("#1f4e9a");
    }

    @Test
    void countsAreShortenedToFitACell() {
        assertThat(BucketHeatMap.compact(999)).isEqualTo("999");
        assertThat(BucketHeatMap.compact(12_345)).isEqualTo("12k");
        assertThat(BucketHeatMap.compact(2_500_000)).isEqualTo("2.5M");
    }
}
