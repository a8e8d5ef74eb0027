package dev.nettune.ui.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.SysctlChange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Tuning screen plans a profile marked unrestricted only after the user confirmed what it does beyond the limits. */
class TuningUnrestrictedProfileTest {
    @TempDir
    Path config;
    private AppContext context;
    private TuningViewModel model;
    private final Profile marked = new Profile("marked", "", List.of(new SysctlChange("kernel.sysrq", "0"),
            new SysctlChange("net.ipv4.tcp_fin_timeout", "15")), true);

    @BeforeEach
    void open() {
        context = new AppContext(config);
        model = new TuningViewModel(name -> context.hostResolver().resolve(name, HostOptions.defaults()),
                context.tuningEngine(), List.of("sandbox"), List.of(marked), Runnable::run, Runnable::run);
        model.hostProperty().set("sandbox");
        model.profileProperty().set(marked);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theQuestionNamesEverythingTheProfileDoesBeyondTheLimits() {
        assertThat(model.needsUnrestrictedConfirmation()).isTrue();
        assertThat(model.unrestrictedQuestion()).contains("\"marked\"").contains("kernel.sysrq").contains("WARNING");
    }

    @Test
    void withoutConfirmationNothingIsPlannedAndTheStatusSaysWhy() {
        model.makePlan();

        assertThat(model.rows()).isEmpty();
        assertThat(model.canApplyProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).contains("Not planned").contains("marked");
    }

    @Test
    void onceConfirmedThePlanCarriesAWarningOnTheStepBeyondTheLimits() {
        model.makePlan(true);

        assertThat(model.rows()).hasSize(2);
        assertThat(model.notes()).anyMatch(n -> n.startsWith("kernel.sysrq: WARNING: ") && n.contains("outside net.*"));
        assertThat(model.previewProperty().get()).contains("WARNING: this unrestricted profile goes beyond NetTune's limits in 1 step");
    }

    @Test
    void anOrdinaryProfileIsPlannedWithoutAQuestion() {
        model.profileProperty().set(Profile.ecsHighThroughput());

        assertThat(model.needsUnrestrictedConfirmation()).isFalse();
        model.makePlan();
        assertThat(model.rows()).isNotEmpty();
    }
}
