package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateCalculatorTest {
    final RateCalculator rates = new RateCalculator();

    @Test
    void firstSnapshotIsOnlyABaseline() {
        assertThat(rates.next(Snapshots.of(100, 10, 20))).isInstanceOf(RateCalculator.Baseline.class);
    }

    @Test
    void deltasOverTheHostsUptimeBecomeRates() {
        rates.next(Snapshots.of(100, 10, 20));
        var r = (RateCalculator.Rates) rates.next(Snapshots.of(102, 30, 120));
        assertThat(r.sample().rxPps()).containsExactly(10.0, 50.0);
        assertThat(r.sample().rxBps()).containsExactly(1000.0, 5000.0);
        assertThat(r.sample().rxPacketDeltas()).containsExactly(20L, 100L);
        assertThat(r.sample().seconds()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void counterGoingBackwardsIsAResetNotANegativeRate() {
        rates.next(Snapshots.of(100, 1000, 2000));
        var outcome = rates.next(Snapshots.of(101, 5, 7));
        assertThat(outcome).isInstanceOf(RateCalculator.Reset.class);
        assertThat(((RateCalculator.Reset) outcome).reason()).contains("queue 0").contains("went backwards");
        var after = (RateCalculator.Rates) rates.next(Snapshots.of(102, 15, 17));
        assertThat(after.sample().rxPps()).containsExactly(10.0, 10.0);
    }

    @Test
    void changedQueueCountIsAReset() {
        rates.next(Snapshots.of(100, 10, 20));
        var outcome = rates.next(Snapshots.of(101, 10, 20, 30, 40));
        assertThat(((RateCalculator.Reset) outcome).reason()).contains("4 queue(s), before 2");
    }

    @Test
    void uptimeGoingBackwardsIsAReboot() {
        rates.next(Snapshots.of(100, 10, 20));
        assertThat(((RateCalculator.Reset) rates.next(Snapshots.of(5, 11, 21))).reason()).contains("reboot");
    }

    @Test
    void unknownQueueCountersStayUnknown() {
        long[] unknown = {CounterSnapshot.UNKNOWN, CounterSnapshot.UNKNOWN};
        long[][] irq = {{0, 0}, {0, 0}};
        long[][] irq2 = {{50, 0}, {0, 150}};
        rates.next(new CounterSnapshot(10, 10_000, 2, unknown, unknown, unknown, unknown, irq, new long[2], 0, 0, "x"));
        var r = (RateCalculator.Rates) rates.next(
                new CounterSnapshot(11, 11_000, 2, unknown, unknown, unknown, unknown, irq2, new long[2], 0, 0, "x"));
        assertThat(r.sample().txPps()[0]).isNaN();
        // Without per-queue packet counters the interrupt counts stand in, and the label says so.
        assertThat(r.sample().rxPps()).containsExactly(50.0, 150.0);
        assertThat(r.sample().source()).contains("/proc/interrupts");
    }
}
