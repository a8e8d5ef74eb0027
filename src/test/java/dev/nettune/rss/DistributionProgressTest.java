package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Progress and stopping of a long distribution, as the Calculator screen's progress bar uses them. */
class DistributionProgressTest {

    private final RssCalculator equal4 = new RssCalculator(RssKey.MICROSOFT, TableSpec.equal(4).build(OptionalInt.of(4)));
    private final FlowPopulation.Hping large =
            FlowPopulation.Hping.randomDestinationPorts("10.0.0.252", "10.0.0.5", 200_000, 10_000, 7);

    @Test
    void reportsEveryBlockUpToTheWholePopulation() {
        List<Long> done = new ArrayList<>();

        Distribution.of(equal4, large, (d, total) -> {
            assertThat(total).isEqualTo(200_000);
            done.add(d);
            return true;
        });

        assertThat(done).containsExactly(65_536L, 131_072L, 196_608L, 200_000L);
    }

    @Test
    void reportingDoesNotChangeTheCounts() {
        Distribution quiet = Distribution.of(equal4, large);

        Distribution reported = Distribution.of(equal4, large, (d, total) -> true);

        assertThat(reported.bucketFlows()).containsExactly(quiet.bucketFlows());
    }

    @Test
    void answeringFalseStopsTheMeasurement() {
        List<Long> done = new ArrayList<>();

        assertThatThrownBy(() -> Distribution.of(equal4, large, (d, total) -> {
            done.add(d);
            return false;
        })).isInstanceOf(CancellationException.class).hasMessageContaining("65536 of 200000");
        assertThat(done).containsExactly(65_536L);
    }

    @Test
    void aFlowListReportsItsProgressToo() {
        List<Flow> flows = Collections.nCopies(70_000, Flow.tcp("10.0.0.252", "10.0.0.5", 1, 2));
        List<Long> done = new ArrayList<>();

        Distribution d = Distribution.of(equal4, new FlowPopulation.FlowList(flows), (x, total) -> done.add(x));

        assertThat(done).containsExactly(65_536L, 70_000L);
        assertThat(d.flows()).isEqualTo(70_000);
    }

    @Test
    void aSweepReportsOnceWhenDone() {
        List<Long> done = new ArrayList<>();

        Distribution.of(equal4, new FlowPopulation.PortSweep(Flow.tcp("10.0.0.252", "10.0.0.5", 1, 2),
                PortSide.SOURCE, 1000, 1999), (x, total) -> done.add(x));

        assertThat(done).containsExactly(1000L);
    }
}
