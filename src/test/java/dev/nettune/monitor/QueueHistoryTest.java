package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueHistoryTest {
    static RateSample sample(long t, double... rx) {
        int n = rx.length;
        return new RateSample(t, 1, n, rx.clone(), rx.clone(), rx.clone(), rx.clone(), rx.clone(), new double[n][0],
                new double[0], new long[n], "test");
    }

    @Test
    void defaultWindowAtOneSecondHoldsAnHour() {
        assertThat(new QueueHistory(QueueHistory.DEFAULT_WINDOW, SamplingInterval.ONE_SECOND).capacity()).isEqualTo(3601);
    }

    @Test
    void memoryStaysBoundedPastTheWindow() {
        QueueHistory h = new QueueHistory(Duration.ofSeconds(10), SamplingInterval.ONE_SECOND);
        for (int t = 0; t < 100; t++) {
            h.add(sample(t * 1000L, t, t));
        }
        assertThat(h.size()).isEqualTo(11);
    }

    @Test
    void frameAveragesIntoAtMostTheAskedPoints() {
        QueueHistory h = new QueueHistory(Duration.ofMinutes(10), SamplingInterval.ONE_SECOND);
        for (int t = 0; t < 100; t++) {
            h.add(sample(t * 1000L, 10, 20));
        }
        ChartFrame f = h.frame(QueueMetric.RX_PACKETS, 0, 25);
        assertThat(f.points()).isEqualTo(25);
        assertThat(f.values()[1][3]).isEqualTo(20f);
        assertThat(f.imbalance().maxOverMean()).isEqualTo(20 / 15.0);
    }

    @Test
    void gapSurvivesDecimation() {
        QueueHistory h = new QueueHistory(Duration.ofMinutes(10), SamplingInterval.ONE_SECOND);
        for (int t = 0; t < 40; t++) {
            if (t == 21) {
                h.addGap(t * 1000L);
            } else {
                h.add(sample(t * 1000L, 5));
            }
        }
        ChartFrame f = h.frame(QueueMetric.RX_PACKETS, 0, 10);
        assertThat(f.values()[0]).containsOnlyOnce(Float.NaN);
    }

    @Test
    void queueCountChangeRestartsHistoryWithANote() {
        QueueHistory h = new QueueHistory(Duration.ofMinutes(10), SamplingInterval.ONE_SECOND);
        h.add(sample(0, 1, 1));
        h.add(sample(1000, 1, 1, 1, 1));
        ChartFrame f = h.frame(QueueMetric.RX_PACKETS, 0, 100);
        assertThat(f.queueCount()).isEqualTo(4);
        assertThat(f.notes()).anyMatch(n -> n.contains("from 2 to 4 queues"));
    }

    @Test
    void windowWithTooManyPointsIsRejected() {
        assertThatThrownBy(() -> new QueueHistory(Duration.ofDays(30), SamplingInterval.ofSeconds("0.2")))
                .hasMessageContaining("200000 points");
    }
}
