package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.app.VerificationService;
import dev.nettune.sandbox.SandboxSender;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Plan;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Verify tab's re-push in Chinese on the sandbox, wired as MonitorPanels wires it: the plan's profile is named in
 * Chinese, so its preview and the journal (which keeps the name as made) show no English name.
 */
class RepushNamedInChineseTest {
    @TempDir
    Path dir;

    AppContext context;
    VerifyViewModel verify;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        context = new AppContext(dir.resolve("config"));
        VerificationService service = new VerificationService(context);
        verify = new VerifyViewModel(context.hostResolver(), new MonitorTarget(List.of("sandbox")),
                (sender, receiver, nic) -> new SandboxSender(context.sandboxTraffic(), nic), TestTasks.sameThread());
        verify.onRepush(new VerifyViewModel.Repusher() {
            @Override
            public Plan plan(String host, String nic) throws Exception {
                return service.planRepush(service.receiver(host, HostOptions.defaults()), nic, Messages.locale());
            }

            @Override
            public dev.nettune.tuning.ApplyResult apply(String host, Plan plan) throws Exception {
                return service.repush(service.receiver(host, HostOptions.defaults()), plan, ApplyListener.NONE);
            }
        });
        verify.onDesigned((receiver, nic, sender, traffic, progress) -> service.designed(
                service.receiver(receiver, HostOptions.defaults()), nic, new SandboxSender(context.sandboxTraffic(), nic), traffic,
                progress));
    }

    @AfterEach
    void close() {
        verify.close();
        context.close();
        Messages.use(Messages.ENGLISH);
    }

    @Test
    void theRepushProfileIsNamedInChinese() {
        context.sandboxInstance().faults().rssInactiveUntilFirstSet(true);
        context.sandboxInstance().reboot();
        verify.verify();

        verify.previewRepush();
        assertThat(verify.repushPreviewProperty().get()).contains("重新推送 eth1 的 RSS").doesNotContain("re-push");
        verify.confirmRepush();

        List<Journal.PlanRecord> plans = context.tuningJournal().plans(Optional.empty());
        assertThat(plans).extracting(Journal.PlanRecord::profile).contains("重新推送 eth1 的 RSS");
    }
}
