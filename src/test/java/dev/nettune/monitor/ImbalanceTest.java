package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ImbalanceTest {
    @Test
    void evenQueuesHaveMaxOverMeanOneAndNoVariation() {
        Imbalance i = Imbalance.of(new double[] {100, 100, 100, 100});
        assertThat(i.maxOverMean()).isEqualTo(1.0);
        assertThat(i.coefficientOfVariation()).isEqualTo(0.0);
    }

    @Test
    void oneHotQueueShowsInBothFigures() {
        Imbalance i = Imbalance.of(new double[] {400, 0, 0, 0});
        assertThat(i.maxOverMean()).isEqualTo(4.0);
        assertThat(i.busiestQueue()).isEqualTo(0);
        assertThat(i.coefficientOfVariation()).isCloseTo(Math.sqrt(3), within(1e-12));
    }

    @Test
    void unknownQueuesAreLeftOutAndIdleQueuesHaveNoRatio() {
        assertThat(Imbalance.of(new double[] {10, Double.NaN, 30}).queues()).isEqualTo(2);
        Imbalance idle = Imbalance.of(new double[] {0, 0});
        assertThat(idle.idle()).isTrue();
        assertThat(idle.maxOverMean()).isNaN();
    }
}
