package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesWindowTest {
    @Test
    void oldestRowsAreOverwrittenOnceFull() {
        SeriesWindow w = new SeriesWindow(3, 1);
        for (int t = 1; t <= 5; t++) {
            w.append(t, new double[] {t * 10});
        }
        assertThat(w.size()).isEqualTo(3);
        assertThat(w.time(0)).isEqualTo(3);
        assertThat(w.value(0, 0)).isEqualTo(30f);
        assertThat(w.latest(0)).isEqualTo(50f);
    }

    @Test
    void gapIsARowOfNaN() {
        SeriesWindow w = new SeriesWindow(4, 2);
        w.append(1, new double[] {1, 2});
        w.appendGap(2);
        assertThat(w.value(0, 1)).isNaN();
        assertThat(w.value(1, 1)).isNaN();
    }

    @Test
    void timeSearchFindsTheFirstRowInRange() {
        SeriesWindow w = new SeriesWindow(10, 1);
        for (int t = 0; t < 15; t++) {
            w.append(t * 1000L, new double[] {t});
        }
        assertThat(w.indexAtOrAfter(12_000)).isEqualTo(7);
        assertThat(w.indexAtOrAfter(0)).isEqualTo(0);
        assertThat(w.indexAtOrAfter(99_000)).isEqualTo(10);
    }
}
