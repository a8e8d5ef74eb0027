package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplingIntervalTest {
    @Test
    void secondsAsTypedBecomeASleepArgument() {
        assertThat(SamplingInterval.ofSeconds("1").sleepArgument()).isEqualTo("1");
        assertThat(SamplingInterval.ofSeconds("0.2").sleepArgument()).isEqualTo("0.2");
        assertThat(SamplingInterval.ofSeconds("10").millis()).isEqualTo(10_000);
    }

    @Test
    void outOfRangeIntervalsAreRejectedNamingTheRange() {
        assertThatThrownBy(() -> SamplingInterval.ofSeconds("0.1")).hasMessageContaining("0.2 to 10 seconds");
        assertThatThrownBy(() -> SamplingInterval.ofSeconds("11")).hasMessageContaining("0.2 to 10 seconds");
    }

    @Test
    void textThatIsNotANumberIsRejected() {
        assertThatThrownBy(() -> SamplingInterval.ofSeconds("1; reboot")).hasMessageContaining("for example 1 or 0.5");
        assertThatThrownBy(() -> SamplingInterval.ofSeconds("0.25")).hasMessageContaining("steps of 0.1 s");
    }
}
