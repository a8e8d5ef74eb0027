package dev.nettune.ui.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Tuning screen's decisions without a toolkit: apply, undo, what the status and the run log say. */
class TuningViewModelTest {
    @TempDir
    Path config;

    private AppContext context;
    private TuningViewModel model;

    @BeforeEach
    void open() {
        context = new AppContext(config);
        model = new TuningViewModel(name -> context.hostResolver().resolve(name, HostOptions.defaults()),
                context.tuningEngine(), List.of("sandbox", "local"), context.profiles().all(), Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private void planAndApply() {
        model.makePlan();
        assertThat(model.canApplyProperty().get()).as(model.statusProperty().get()).isTrue();
        model.apply();
    }

    @Test
    void nothingCanBePlannedWhileTheHostListIsStillBeingRead() {
        java.util.ArrayDeque<Runnable> worker = new java.util.ArrayDeque<>();
        TuningViewModel fresh = new TuningViewModel(name -> context.hostResolver().resolve(name, HostOptions.defaults()),
                context.tuningEngine(), List.of(), context.profiles().all(), worker::add, Runnable::run);

        fresh.load(() -> List.of("sandbox"), () -> context.profiles().all(), () -> { });

        assertThat(fresh.loadingProperty().get()).isTrue();
        worker.poll().run();
        assertThat(fresh.loadingProperty().get()).isFalse();
        assertThat(fresh.hostProperty().get()).as(fresh.statusProperty().get()).isEqualTo("sandbox");
    }

    @Test
    void aHostListThatCannotBeReadEndsTheLoadingAndSaysWhy() {
        TuningViewModel fresh = new TuningViewModel(name -> context.hostResolver().resolve(name, HostOptions.defaults()),
                context.tuningEngine(), List.of(), context.profiles().all(), Runnable::run, Runnable::run);

        fresh.load(() -> { throw new IllegalStateException("hosts.db is locked"); }, () -> context.profiles().all(), () -> { });

        assertThat(fresh.loadingProperty().get()).isFalse();
        assertThat(fresh.statusProperty().get()).contains("hosts.db is locked");
    }

    @Test
    void aProfileTheHostSkipsWholeSaysSkippedWithTheReasonNotAlreadyInEffect() throws Exception {
        assertThat(context.sandboxInstance().run(dev.nettune.host.Command.of("systemctl", "stop", "NetworkManager"),
                java.time.Duration.ofSeconds(5)).ok()).isTrue();
        model.profileProperty().set(new dev.nettune.tuning.Profile("nmcli only", "",
                List.of(dev.nettune.tuning.NetworkManagerChange.unmanage("eth1"))));

        model.makePlan();

        assertThat(model.statusProperty().get()).startsWith("Skipped: NetworkManager on eth1: NetworkManager is not running on this host")
                .doesNotContain("already");
        assertThat(model.canApplyProperty().get()).isFalse();
    }

    @Test
    void afterApplyTheStatusAndTheLogShowTheValuesReadBackNotThePlannedOnes() {
        planAndApply();

        assertThat(model.statusProperty().get()).startsWith("APPLIED on sandbox").contains("net.ipv4.tcp_fin_timeout = 15");
        assertThat(model.log()).anyMatch(l -> l.contains("step 3 net.ipv4.tcp_fin_timeout applied, now 15"));
        assertThat(model.rows()).allMatch(r -> r.status().equals("applied"));
        assertThat(model.canUndoProperty().get()).isTrue();
    }

    @Test
    void undoPutsEveryValueBackAndTheStatusSaysUndoneWithTheValuesNowInEffect() {
        planAndApply();
        String applied = model.undoableProperty().get();

        model.undo();

        assertThat(model.statusProperty().get()).startsWith("UNDONE on sandbox: plan " + applied + " is undone")
                .contains("net.ipv4.tcp_fin_timeout = 60").doesNotContain("APPLIED");
        assertThat(context.sandboxInstance().sysctlValue("net.ipv4.tcp_fin_timeout")).contains("60");
        assertThat(model.rows()).hasSize(5).allMatch(r -> r.status().equals("undone"));
        assertThat(model.rows()).filteredOn(r -> r.title().equals("net.ipv4.tcp_tw_reuse"))
                .extracting(TuningViewModel.PlanRow::readBack).containsExactly("2");
        assertThat(model.log()).anyMatch(l -> l.contains("net.ipv4.tcp_tw_reuse undone, now 2"));
        assertThat(model.canUndoProperty().get()).as("an undone plan cannot be undone twice").isFalse();
    }

    @Test
    void undoIsOfferedOnlyOnTheHostThePlanWasAppliedTo() {
        planAndApply();

        model.hostProperty().set("local");
        assertThat(model.canUndoProperty().get()).isFalse();
        model.hostProperty().set("sandbox");
        assertThat(model.canUndoProperty().get()).isTrue();
    }

    @Test
    void onlyTheSandboxIsChangedWithoutAskingFirst() {
        assertThat(model.needsConfirmation()).isFalse();

        model.hostProperty().set("local");

        assertThat(model.needsConfirmation()).isTrue();
    }

    @Test
    void aProfileSavedInTheLibraryIsOfferedAfterARefreshAndTheChoiceIsKept() {
        model.profileProperty().set(model.profiles().get(1));
        String chosen = model.profileProperty().get().name();
        context.profiles().save(new dev.nettune.tuning.Profile("Mine", "", List.of(
                new dev.nettune.tuning.SysctlChange("net.ipv4.tcp_fin_timeout", "20"))));
        model.profileSource(() -> context.profiles().all());

        model.refreshProfiles();

        assertThat(model.profiles()).extracting(dev.nettune.tuning.Profile::name).contains("Mine");
        assertThat(model.profileProperty().get().name()).isEqualTo(chosen);
    }
}
