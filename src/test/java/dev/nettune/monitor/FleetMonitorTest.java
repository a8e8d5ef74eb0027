package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nettune.monitor.FleetMonitor.Health;
import dev.nettune.monitor.FleetMonitor.Row;
import dev.nettune.monitor.FleetMonitor.SortKey;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fleet monitor's rows: shares, imbalance, drops and verdict per instance, sorted, in simulated time. */
class FleetMonitorTest {
    private final FleetMonitor fleet = new FleetMonitor(5, FleetMonitor.Thresholds.defaults());

    private static RateSample sample(long t, double... pps) {
        int n = pps.length;
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        return new RateSample(t, 1, n, pps, nan, nan, nan, nan, new double[n][0], new double[0], new long[n], "test");
    }

    private Row row(String instance, long now) {
        return fleet.rows(now, SortKey.INSTANCE, false).stream().filter(r -> r.instance().equals(instance)).findFirst().orElseThrow();
    }

    @Test
    void anInstancePolledEveryFiveSecondsIsNotStaleBetweenPollsButIsAfterThreeMissedOnes() {
        FleetMonitor polled = new FleetMonitor(5, FleetMonitor.Thresholds.polledEvery(java.time.Duration.ofSeconds(5)));
        polled.sample("i-a", sample(1000, 250, 250, 250, 250), 0);

        assertThat(polled.rows(1000 + 7_000, SortKey.INSTANCE, false).get(0).health()).isEqualTo(Health.BALANCED);
        assertThat(polled.rows(1000 + 26_000, SortKey.INSTANCE, false).get(0).health()).isEqualTo(Health.STALE);
    }

    @Test
    void anEvenSpreadIsBalancedWithEqualShares() {
        fleet.sample("i-a", sample(1000, 250, 250, 250, 250), 0);

        Row r = row("i-a", 1000);
        assertThat(r.health()).isEqualTo(Health.BALANCED);
        assertThat(r.shares()).containsExactly(0.25f, 0.25f, 0.25f, 0.25f);
        assertThat(r.maxOverMean()).isEqualTo(1.0);
        assertThat(r.pps()).isEqualTo(1000);
    }

    @Test
    void aHotQueueIsImbalancedAndTheVerdictNamesIt() {
        fleet.sample("i-a", sample(1000, 100, 100, 700, 100), 0);

        Row r = row("i-a", 1000);
        assertThat(r.health()).isEqualTo(Health.IMBALANCED);
        assertThat(r.busiestQueue()).isEqualTo(2);
        assertThat(r.maxOverMean()).isCloseTo(2.8, within(1e-9));
        assertThat(r.verdict()).isEqualTo("queue 2 carries 2.8× the mean (over 1.5×)");
    }

    @Test
    void risingDropCountersAreDroppingPerSecondAndOutrankImbalance() {
        fleet.sample("i-a", sample(1000, 100, 100, 700, 100), 5_000);
        fleet.sample("i-a", sample(3000, 100, 100, 700, 100), 5_040);

        Row r = row("i-a", 3000);
        assertThat(r.dropsPerSecond()).isEqualTo(20.0);
        assertThat(r.health()).isEqualTo(Health.DROPPING);
        assertThat(r.verdict()).isEqualTo("dropping 20 packets/s");
    }

    @Test
    void aDropCounterThatGoesBackIsAResetNotANegativeRate() {
        fleet.sample("i-a", sample(1000, 250, 250, 250, 250), 900);
        fleet.sample("i-a", sample(2000, 250, 250, 250, 250), 10);

        Row r = row("i-a", 2000);
        assertThat(r.dropsPerSecond()).isNaN();
        assertThat(r.health()).isEqualTo(Health.BALANCED);
    }

    @Test
    void anInstanceWithoutASampleForThreeSecondsIsStale() {
        fleet.sample("i-a", sample(1000, 250, 250, 250, 250), 0);

        assertThat(row("i-a", 4000).health()).isEqualTo(Health.BALANCED);
        assertThat(row("i-a", 4001).health()).isEqualTo(Health.STALE);
        assertThat(row("i-a", 4001).verdict()).isEqualTo("no sample for 3 s");
    }

    @Test
    void littleTrafficIsIdleNotImbalanced() {
        fleet.sample("i-a", sample(1000, 0, 0, 50, 0), 0);

        assertThat(row("i-a", 1000).health()).isEqualTo(Health.IDLE);
    }

    @Test
    void aWatchedInstanceWaitsForItsFirstSample() {
        fleet.watch("i-b");

        assertThat(row("i-b", 0).health()).isEqualTo(Health.WAITING);
        assertThat(row("i-b", 0).shares()).isEmpty();
    }

    @Test
    void rowsSortByImbalanceWorstFirstWithUnknownLast() {
        fleet.sample("i-even", sample(1000, 250, 250, 250, 250), 0);
        fleet.sample("i-hot", sample(1000, 100, 100, 700, 100), 0);
        fleet.sample("i-mild", sample(1000, 200, 200, 400, 200), 0);
        fleet.watch("i-new");

        List<String> order = fleet.rows(1000, SortKey.IMBALANCE, true).stream().map(Row::instance).toList();

        assertThat(order).containsExactly("i-hot", "i-mild", "i-even", "i-new");
        assertThat(fleet.rows(1000, SortKey.HEALTH, false).get(0).instance()).isEqualTo("i-hot");
    }

    @Test
    void theTrendKeepsTheLastPointsOldestFirstWithGapsAsNaN() {
        for (int t = 1; t <= 6; t++) {
            fleet.sample("i-a", sample(t * 1000L, 100, 100, 100 * t, 100), 0);
        }
        fleet.gap("i-a", 6500);

        float[] trend = row("i-a", 6500).imbalanceTrend();
        assertThat(trend).hasSize(5);
        assertThat(trend[0]).isCloseTo(3f * 4 / 6, within(1e-6f));
        assertThat(trend[3]).isCloseTo(6f * 4 / 9, within(1e-6f));
        assertThat(trend[4]).isNaN();
    }

    @Test
    void dropsAreReadFromTheSysfsStatisticsTheSamplerPrints() {
        String stats = "collisions:0\nrx_bytes:123456\nrx_dropped:7\nrx_fifo_errors:2\nrx_missed_errors:1\nrx_packets:999\n";

        assertThat(FleetMonitor.drops(stats)).isEqualTo(10);
        assertThat(FleetMonitor.drops("rx_packets:5\n")).isEqualTo(CounterSnapshot.UNKNOWN);
        assertThat(FleetMonitor.drops("rx_dropped:cat: Permission denied\n")).isEqualTo(CounterSnapshot.UNKNOWN);
    }

    @Test
    void theFleetPollsCountersOnlyAndTheSandboxAnswersWithoutInterrupts() throws Exception {
        dev.nettune.sandbox.SandboxInstance box = new dev.nettune.sandbox.SandboxInstance(7, 4, 4);
        String out = box.run(SamplerScript.countersCommand("eth1"), java.time.Duration.ofSeconds(5)).stdout();
        java.util.List<SampleFrame> frames = new java.util.ArrayList<>();
        SampleFrameReader reader = new SampleFrameReader(frames::add, () -> 0L);
        out.lines().forEach(reader::line);

        assertThat(out).doesNotContain(SamplerScript.SECTION_MARKER + " interrupts").doesNotContain("NET_RX");
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.interrupts()).isEmpty();
            assertThat(FleetMonitor.drops(f.statistics())).isNotEqualTo(CounterSnapshot.UNKNOWN);
            CounterSnapshot s = new SnapshotParser(NicIdentity.read(box, "eth1")).parse(f);
            assertThat(s.rxPackets()).hasSize(4).doesNotContain(CounterSnapshot.UNKNOWN);
        });
    }
}
