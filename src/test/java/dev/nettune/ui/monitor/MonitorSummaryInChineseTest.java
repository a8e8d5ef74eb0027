package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.monitor.CounterSnapshot;
import dev.nettune.monitor.QueueHistory;
import dev.nettune.monitor.QueueMetric;
import dev.nettune.monitor.RateCalculator;
import dev.nettune.monitor.SamplingInterval;
import dev.nettune.ui.common.Messages;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Monitor's summary line in Chinese on a NIC without per-queue packet counters (virtio_net 6.9+, as the 6.18
 * capture): the rates come from interrupt counts, and the line says where they came from in Chinese.
 */
class MonitorSummaryInChineseTest {
    @BeforeEach
    void chinese() {
        Messages.use(Messages.CHINESE);
    }

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    @Test
    void ratesFromInterruptCountsSayTheirSourceInChinese() {
        long[] unknown = {CounterSnapshot.UNKNOWN, CounterSnapshot.UNKNOWN};
        RateCalculator rates = new RateCalculator();
        QueueHistory history = new QueueHistory(Duration.ofMinutes(1), SamplingInterval.ofSeconds("1"));
        rates.next(new CounterSnapshot(10, 10_000, 2, unknown, unknown, unknown, unknown, new long[][] {{0, 0}, {0, 0}}, new long[2],
                0, 0, "/proc/interrupts"));
        RateCalculator.Outcome o = rates.next(new CounterSnapshot(11, 11_000, 2, unknown, unknown, unknown, unknown,
                new long[][] {{50, 0}, {0, 150}}, new long[2], 0, 0, "/proc/interrupts"));
        history.add(((RateCalculator.Rates) o).sample());

        String text = MonitorViewModel.imbalanceText(history.frame(QueueMetric.RX_PACKETS, 0, 1000));

        assertThat(text).startsWith("合计 200 包/秒").endsWith("来源：/proc/interrupts（无每队列包计数器）");
    }
}
