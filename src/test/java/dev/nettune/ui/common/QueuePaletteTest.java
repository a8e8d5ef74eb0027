package dev.nettune.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Queue colours: distinct for 64 queues, the same every time, readable text on each. */
class QueuePaletteTest {

    @Test
    void sixtyFourQueuesGetSixtyFourColours() {
        assertThat(IntStream.range(0, QueuePalette.MAX_DISTINCT).mapToObj(QueuePalette::colour).distinct()).hasSize(64);
    }

    @Test
    void aQueueKeepsItsColour() {
        assertThat(QueuePalette.colour(0)).isEqualTo("#4e79a7");
        assertThat(QueuePalette.colour(5)).isEqualTo(QueuePalette.colour(5));
    }

    @Test
    void queuesBeyondSixtyFourReuseTheColours() {
        assertThat(QueuePalette.colour(64)).isEqualTo(QueuePalette.colour(0));
    }

    @Test
    void lightColoursGetDarkText() {
        // #edc948 (queue 5) is a light yellow.
        assertThat(QueuePalette.textColour(5)).isEqualTo("#1b1f24");
        assertThat(QueuePalette.textColour(0)).isEqualTo("#ffffff");
    }

    @Test
    void aNegativeQueueIsRefused() {
        assertThatThrownBy(() -> QueuePalette.colour(-1)).hasMessageContaining("queues start at 0");
    }
}
