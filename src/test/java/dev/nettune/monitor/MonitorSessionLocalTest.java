package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.host.HostException;
import dev.nettune.host.local.LocalHost;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Monitoring this machine's own loopback NIC through the local adapter: the real script under a real shell. */
class MonitorSessionLocalTest {
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void loopbackIsSampledFromOneStreamAndShownAsItsTotals() throws Exception {
        try (LocalHost local = new LocalHost();
             MonitorSession session = new MonitorSession(local, "lo", SamplingInterval.ofSeconds("0.2"), Duration.ofMinutes(1),
                     scheduler, System::currentTimeMillis)) {
            session.start();
            QueueSamplerTest.waitFor(() -> session.history().size() >= 3);
            RateSample s = session.history().latest();
            assertThat(s.queueCount()).isEqualTo(1);
            assertThat(s.source()).isEqualTo("totals only");
            assertThat(s.rxPps()[0]).isGreaterThanOrEqualTo(0);
            assertThat(session.restarts()).isZero();
        }
    }

    @Test
    void aNicThisMachineDoesNotHaveIsRefusedNamingTheOnesItHas() {
        try (LocalHost local = new LocalHost();
             MonitorSession session = new MonitorSession(local, "nettune-none0", SamplingInterval.ofSeconds("0.2"), Duration.ofMinutes(1),
                     scheduler, System::currentTimeMillis)) {
            assertThatThrownBy(session::start).isInstanceOf(HostException.class)
                    .hasMessageContaining("has no NIC nettune-none0; its NICs: ").hasMessageContaining("lo");
        }
    }
}
