package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.app.VerificationService;
import dev.nettune.sandbox.SandboxSender;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Plan;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Verify tab's "Re-push key and table": offered only when RSS is not active, previewed, applied only when confirmed, journaled. */
class VerifyRepushViewModelTest {
    @TempDir
    Path dir;

    AppContext context;
    VerifyViewModel verify;
    int planned;

    @BeforeEach
    void open() {
        context = new AppContext(dir.resolve("config"));
        MonitorTarget target = new MonitorTarget(List.of("sandbox", "local"));
        VerificationService service = new VerificationService(context);
        verify = new VerifyViewModel(context.hostResolver(), target,
                (sender, receiver, nic) -> new SandboxSender(context.sandboxTraffic(), nic), TestTasks.sameThread());
        verify.onDesigned((receiver, nic, sender, traffic, progress) -> service.designed(
                service.receiver(receiver, HostOptions.defaults()), nic, new SandboxSender(context.sandboxTraffic(), nic), traffic,
                progress));
        verify.onRepush(new VerifyViewModel.Repusher() {
            @Override
            public Plan plan(String host, String nic) throws Exception {
                planned++;
                return service.planRepush(service.receiver(host, HostOptions.defaults()), nic);
            }

            @Override
            public dev.nettune.tuning.ApplyResult apply(String host, Plan plan) throws Exception {
                return service.repush(service.receiver(host, HostOptions.defaults()), plan, ApplyListener.NONE);
            }
        });
    }

    @AfterEach
    void close() {
        verify.close();
        context.close();
    }

    private void failAfterBoot() {
        context.sandboxInstance().faults().rssInactiveUntilFirstSet(true);
        context.sandboxInstance().reboot();
        verify.verify();
        assertThat(verify.verdictProperty().get()).as(verify.verdictDetailProperty().get()).startsWith("FAIL");
    }

    @Test
    void aPassOffersNoRepush() {
        verify.verify();

        assertThat(verify.verdictProperty().get()).as(verify.verdictDetailProperty().get()).startsWith("PASS");
        assertThat(verify.canRepushProperty().get()).isFalse();
        // Traced per packet on the sandbox: each burst's 3 flows x 50 packets, all on its queue, none of the background.
        assertThat(verify.verdictDetailProperty().get()).contains("burst for queue 0: [150, 0, 0, 0]")
                .contains("Counted from: tracefs net:napi_gro_receive_entry on eth1");
    }

    @Test
    void rssNotActiveAfterBootOffersTheRepushAndShowsItsPlanBeforeAnythingRuns() {
        failAfterBoot();
        assertThat(verify.canRepushProperty().get()).isTrue();

        verify.previewRepush();

        assertThat(verify.repushPreviewProperty().get()).contains("ethtool -X eth1 hkey")
                .contains(context.sandboxInstance().rssKey("eth1").toColonHex());
        assertThat(context.tuningJournal().plans(Optional.of("sandbox"))).isEmpty();
    }

    @Test
    void aConfirmedRepushIsJournaledWithTheBootIdAndTheNextVerificationPasses() {
        failAfterBoot();
        verify.previewRepush();

        verify.confirmRepush();

        assertThat(verify.statusProperty().get()).startsWith("Re-pushed the key and table of eth1 on sandbox");
        assertThat(context.tuningJournal().plans(Optional.of("sandbox"))).first()
                .extracting(Journal.PlanRecord::status).isEqualTo(Journal.PlanStatus.APPLIED);
        assertThat(context.tuningJournal().rssPushes("sandbox", "eth1")).last()
                .extracting(p -> p.bootId()).isEqualTo(context.sandboxInstance().bootId());
        assertThat(verify.canRepushProperty().get()).isFalse();
        verify.verify();
        assertThat(verify.verdictProperty().get()).as(verify.verdictDetailProperty().get()).startsWith("PASS");
    }

    @Test
    void aDeclinedRepushChangesNothing() {
        failAfterBoot();
        verify.previewRepush();

        verify.dropRepush();
        verify.confirmRepush();

        assertThat(verify.repushPreviewProperty().get()).isEmpty();
        assertThat(context.tuningJournal().plans(Optional.of("sandbox"))).isEmpty();
        assertThat(planned).isEqualTo(1);
    }
}
