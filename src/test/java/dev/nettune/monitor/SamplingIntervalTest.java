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

    @Test
    void aBadIntervalIsSaidInChinese() {
        assertThatThrownBy(() -> SamplingInterval.ofSeconds("0.25"))
                .satisfies(e -> assertThat(dev.nettune.Phrase.describe(e, java.util.Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("采样间隔 0.25 秒太细：请以 0.1 秒为步长（0.2、0.5、1、2.5 ...）。"));
        assertThatThrownBy(() -> SamplingInterval.ofSeconds("1; reboot"))
                .satisfies(e -> assertThat(dev.nettune.Phrase.describe(e, java.util.Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("'1; reboot' 不是以秒为单位的间隔：请写成例如 1 或 0.5（0.2 到 10）。"));
    }
}
