package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxTraffic;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole monitoring path against the sandbox instance: its sampler stream, the parsers, rates, history. */
class MonitorSessionSandboxTest {
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    final SandboxInstance sandbox = SandboxInstance.demo();
    final SandboxTraffic traffic = new SandboxTraffic(sandbox, 7);

    @AfterEach
    void stop() {
        traffic.close();
        scheduler.shutdownNow();
    }

    @Test
    void backgroundTrafficShowsAsRatesOnEveryQueue() throws Exception {
        traffic.startBackground("eth1", 4000);
        try (MonitorSession session = new MonitorSession(sandbox, "eth1", SamplingInterval.ofSeconds("0.2"), Duration.ofMinutes(5),
                scheduler, System::currentTimeMillis)) {
            session.start();
            QueueSamplerTest.waitFor(() -> session.history().size() >= 4);
            RateSample s = session.history().latest();
            assertThat(s.queueCount()).isEqualTo(4);
            assertThat(s.totalRxPps()).isGreaterThan(1000);
            assertThat(java.util.Arrays.stream(s.rxPps()).allMatch(v -> v > 0)).isTrue();
            assertThat(session.table()).isPresent();
            assertThat(session.table().get().size()).isEqualTo(128);
            assertThat(sandbox.commandLog()).noneMatch(c -> c.contains("ethtool -S"));
        }
    }

    @Test
    void cutStreamLeavesAGapAndSamplingResumes() throws Exception {
        traffic.startBackground("eth1", 2000);
        try (MonitorSession session = new MonitorSession(sandbox, "eth1", SamplingInterval.ofSeconds("0.2"), Duration.ofMinutes(5),
                scheduler, System::currentTimeMillis)) {
            session.start();
            QueueSamplerTest.waitFor(() -> session.history().size() >= 2);
            sandbox.faults().cutStreams();
            QueueSamplerTest.waitFor(() -> session.restarts() >= 1);
            int before = session.history().size();
            QueueSamplerTest.waitFor(() -> session.history().size() >= before + 3);
            ChartFrame f = session.history().frame(QueueMetric.RX_PACKETS, 0, 1000);
            assertThat(f.values()[0]).contains(Float.NaN);
            assertThat(f.values()[0][f.points() - 1]).isGreaterThan(0f);
        }
    }

    @Test
    void aNicTheSandboxDoesNotHaveIsRefusedNamingItsNics() {
        try (MonitorSession session = new MonitorSession(sandbox, "eth9", SamplingInterval.ofSeconds("0.2"), java.time.Duration.ofMinutes(1),
                scheduler, System::currentTimeMillis)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(session::start).isInstanceOf(dev.nettune.host.HostException.class)
                    .hasMessage("sandbox has no NIC eth9; its NICs: eth0, eth1, lo.");
        }
    }
}
