package dev.nettune.ui.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.host.Host;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Journal screen's decisions without a toolkit: after an undo the status and the plan say UNDONE, never APPLIED. */
class JournalViewModelTest {
    @TempDir
    Path config;
    private AppContext context;
    private JournalViewModel journal;

    @BeforeEach
    void open() {
        context = new AppContext(config);
        journal = new JournalViewModel(context.tuningJournal(), context.tuningEngine(),
                name -> context.hostResolver().resolve(name, HostOptions.defaults()), Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private String applyBuiltIn() throws Exception {
        try (Host h = context.hostResolver().resolve("sandbox", HostOptions.defaults())) {
            ApplyResult r = context.tuningEngine().apply(h, new Planner().plan(h, Profile.ecsHighThroughput()),
                    ApplyOptions.defaults(() -> context.hostResolver().resolve("sandbox", HostOptions.defaults())), ApplyListener.NONE,
                    new Cancellation());
            assertThat(r.applied()).as(r.message()).isTrue();
            return r.planId();
        }
    }

    @Test
    void undoingAPlanSaysUndoneAndThePlanRowIsUndone() throws Exception {
        String plan = applyBuiltIn();
        journal.refresh();
        journal.selectedPlanProperty().set(journal.plans().stream().filter(p -> p.id().equals(plan)).findFirst().orElseThrow());

        journal.undoPlan();

        assertThat(journal.statusProperty().get()).startsWith("UNDONE: plan " + plan + " is undone (by plan ").doesNotContain("APPLIED");
        assertThat(journal.plans().stream().filter(p -> p.id().equals(plan)).findFirst().orElseThrow().status()).isEqualTo("UNDONE");
        assertThat(context.sandboxInstance().sysctlValue("net.ipv4.tcp_fin_timeout")).contains("60");
    }

    /**
     * Whether a cloud plan may be resumed is decided on its state, not on the words shown for it: a row listed in
     * Chinese stays resumable after the language changes (the shown "失败" is not the English "FAILED"), and a
     * finished plan never is.
     */
    @Test
    void aCloudPlanThatFailedIsResumableWhateverLanguageItsRowWasShownIn() {
        dev.nettune.cloud.CloudPlan failed = dev.nettune.cloud.CloudPlanner.timeouts(dev.nettune.cloud.RegionId.of("cn-hangzhou"),
                dev.nettune.cloud.NetworkInterfaceId.of("eni-failed0001"), new dev.nettune.cloud.ConnectionTrackingTimeouts(300, 15, 30),
                java.util.Optional.empty());
        dev.nettune.cloud.CloudPlan complete = dev.nettune.cloud.CloudPlanner.timeouts(dev.nettune.cloud.RegionId.of("cn-hangzhou"),
                dev.nettune.cloud.NetworkInterfaceId.of("eni-complete01"), new dev.nettune.cloud.ConnectionTrackingTimeouts(300, 15, 30),
                java.util.Optional.empty());
        context.cloudJournal().recordPlan(failed);
        context.cloudJournal().recordStep(failed.id(), 0, dev.nettune.cloud.StepState.FAILED, "", "Forbidden.RAM");
        context.cloudJournal().recordPlan(complete);
        context.cloudJournal().recordStep(complete.id(), 0, dev.nettune.cloud.StepState.DONE, "ok", "");
        JournalViewModel withCloud = new JournalViewModel(context.tuningJournal(), context.tuningEngine(),
                name -> context.hostResolver().resolve(name, HostOptions.defaults()), Runnable::run, Runnable::run,
                java.util.Optional.of(new dev.nettune.app.CloudPlans(context.cloudJournal(), null, null)));
        dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.CHINESE);
        try {
            withCloud.refresh();
            withCloud.selectedPlanProperty().set(withCloud.plans().stream().filter(p -> p.id().equals(failed.id())).findFirst().orElseThrow());
            assertThat(withCloud.selectedPlanProperty().get().status()).isEqualTo("失败");
            assertThat(withCloud.resumableProperty().get()).isTrue();

            dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
            assertThat(withCloud.resumableProperty().get()).as("still resumable once English is in use").isTrue();
            withCloud.selectedPlanProperty().set(withCloud.plans().stream().filter(p -> p.id().equals(complete.id())).findFirst().orElseThrow());
            assertThat(withCloud.resumableProperty().get()).isFalse();
        } finally {
            dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
        }
    }
}
