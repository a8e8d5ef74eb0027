package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxTraffic;
import dev.nettune.testing.EnglishLeft;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A monitoring session's status read from the session itself ({@link MonitorSession#status()}), not only told to its
 * listeners, is a phrase: before it starts, while it samples the sandbox and when its stream is cut, it reads in Chinese.
 */
class MonitorStatusInChineseTest {
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    final SandboxInstance sandbox = SandboxInstance.demo();
    final SandboxTraffic traffic = new SandboxTraffic(sandbox, 7);

    @AfterEach
    void stop() {
        traffic.close();
        scheduler.shutdownNow();
    }

    @Test
    void theSessionsOwnStatusReadsInChinese() throws Exception {
        traffic.startBackground("eth1", 2000);
        List<String> seen = new CopyOnWriteArrayList<>();
        try (MonitorSession session = new MonitorSession(sandbox, "eth1", SamplingInterval.ofSeconds("0.2"), Duration.ofMinutes(5),
                scheduler, System::currentTimeMillis)) {
            seen.add(session.status().in(Locale.SIMPLIFIED_CHINESE));
            assertThat(session.status().toString()).isEqualTo("not started");
            session.start();
            QueueSamplerTest.waitFor(() -> session.history().size() >= 2);
            seen.add(session.status().in(Locale.SIMPLIFIED_CHINESE));
            sandbox.faults().cutStreams();
            QueueSamplerTest.waitFor(() -> session.restarts() >= 1);
            seen.add(session.status().in(Locale.SIMPLIFIED_CHINESE));
        }

        assertThat(seen.get(0)).isEqualTo("尚未开始");
        assertThat(seen.get(1)).isEqualTo("正在每 0.2 秒采样 eth1");
        assertThat(EnglishLeft.in(seen)).as(seen.toString()).isEmpty();
    }
}
