package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.rss.balance.LoadStats;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictedVsObservedTest {

    private static Optional<PredictedVsObserved.QueueCounts> counts(long... perQueue) {
        return Optional.of(new PredictedVsObserved.QueueCounts(perQueue, "rx packets", "ethtool -S"));
    }

    @Test
    void sharesThatMatchAreNotFlagged() {
        PredictedVsObserved c = PredictedVsObserved.of(LoadStats.of(new long[] {40, 30, 20, 10}, 0), counts(400, 310, 190, 100));
        assertThat(c.queues()).hasSize(4);
        assertThat(c.queues().get(0).predictedShare()).isEqualTo(0.4);
        assertThat(c.queues().get(1).observedShare()).hasValue(0.31);
        assertThat(c.flagged()).isEmpty();
        assertThat(c.summary()).startsWith("Every queue's observed share (rx packets, ethtool -S) is within 5 points");
    }

    @Test
    void aQueueOffByMoreThanFivePointsIsFlaggedAndNamed() {
        PredictedVsObserved c = PredictedVsObserved.of(LoadStats.of(new long[] {25, 25, 25, 25}, 0), counts(40, 20, 20, 20));
        assertThat(c.flagged()).extracting(PredictedVsObserved.Line::queue).containsExactly(0);
        assertThat(c.queues().get(0).difference()).isCloseTo(0.15, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(c.summary()).contains("queue 0 observed 40.0 % where 25.0 % is predicted");
    }

    @Test
    void trafficOnAQueueOutsideThePredictedSpanIsShownAndFlagged() {
        PredictedVsObserved c = PredictedVsObserved.of(LoadStats.of(new long[] {50, 50}, 2), counts(30, 0, 35, 35));
        assertThat(c.queues()).extracting(PredictedVsObserved.Line::queue).containsExactly(0, 2, 3);
        assertThat(c.queues().get(0).predictedShare()).isZero();
        assertThat(c.flagged()).extracting(PredictedVsObserved.Line::queue).containsExactly(0, 2, 3);
    }

    @Test
    void withoutCountersTheSharesArePredictionsOnly() {
        PredictedVsObserved c = PredictedVsObserved.of(LoadStats.of(new long[] {1, 3}, 0), Optional.empty());
        assertThat(c.queues()).allMatch(l -> l.observedShare().isEmpty() && !l.flagged());
        assertThat(c.summary()).startsWith("No per-queue counters");
        assertThat(PredictedVsObserved.of(LoadStats.of(new long[] {1, 3}, 0), counts(0, 0)).observed()).isEmpty();
    }

    @Test
    void aCounterTheNicDoesNotReportIsRefused() {
        assertThatThrownBy(() -> new PredictedVsObserved.QueueCounts(new long[] {5, CounterSnapshot.UNKNOWN}, "rx bytes", "x"))
                .hasMessageContaining("does not report rx bytes for every queue");
    }
}
