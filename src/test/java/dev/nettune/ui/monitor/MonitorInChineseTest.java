package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.host.HostException;
import dev.nettune.monitor.Hping3Sender;
import dev.nettune.monitor.QueueSamplerTest;
import dev.nettune.monitor.Scenario;
import dev.nettune.monitor.TestTraffic;
import dev.nettune.rss.IpAddress;
import dev.nettune.store.RecordingStore;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.SteppableScheduler;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Monitor's live panel in Chinese on the sandbox: its status lines, a counter reset when the host reboots under it
 * ("Counters reset: ..."), and a sender's failure are said in Chinese.
 */
class MonitorInChineseTest {
    @TempDir
    Path dir;

    AppContext context;
    MonitorViewModel model;
    final List<String> statuses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        context = new AppContext(dir.resolve("config"));
        MonitorTarget target = new MonitorTarget(List.of("sandbox", "local"));
        model = new MonitorViewModel(context.hostResolver(), target, () -> Optional.of(new RecordingStore(context.database())),
                TestTasks.sameThread(new SteppableScheduler()), (host, nic) -> () -> context.sandboxTraffic().startBackground(nic, 3000));
        model.statusProperty().addListener((o, was, is) -> statuses.add(is));
    }

    @AfterEach
    void close() {
        model.close();
        context.close();
        Messages.use(Messages.ENGLISH);
    }

    @Test
    void aCounterResetWhenTheHostRebootsIsSaidInChinese() throws Exception {
        model.intervalProperty().set("0.2");
        model.start();
        QueueSamplerTest.waitFor(() -> statuses.stream().anyMatch(s -> s.startsWith("正在每 ")));

        context.sandboxInstance().reboot();

        QueueSamplerTest.waitFor(() -> statuses.stream().anyMatch(s -> s.startsWith("计数器已重置：")));
        assertThat(statuses).contains("计数器已重置：主机的运行时间倒退了（重启）");
        assertThat(EnglishLeft.in(statuses)).isEmpty();
    }

    @Test
    void aSenderThatCannotSendSaysWhyInChinese() throws Exception {
        Hping3Sender sender = new Hping3Sender(context.hostResolver().resolve("sandbox", HostOptions.defaults()));
        TestTraffic t = new TestTraffic(Scenario.FIXED_FLOW, IpAddress.parse("10.0.0.252"), IpAddress.parse("10.0.0.5"), 10, 100,
                12345, 80, Optional.empty());
        try {
            sender.send(t);
            throw new AssertionError("the sandbox has no hping3");
        } catch (HostException e) {
            assertThat(Messages.problem(e)).startsWith("sandbox 上的 hping3 失败（退出码 ");
            assertThat(EnglishLeft.in(List.of(Messages.problem(e)))).isEmpty();
        }
    }
}
