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
}
