package dev.nettune.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostDirectory;
import dev.nettune.store.Database;
import dev.nettune.ui.hosts.HostsView;
import dev.nettune.ui.journal.JournalView;
import dev.nettune.ui.tuning.TuningView;
import dev.nettune.tuning.HostFacts;
import dev.nettune.tuning.Plan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Hosts and Tuning screens list the saved hosts (SQLite), and the Journal screen its plans, without
 * touching the database on the FX thread: the store refuses a connection there for this test, so a screen that read it on the FX
 * thread would fail to load or show "could not be listed" instead of the saved host.
 */
@ExtendWith(ApplicationExtension.class)
class NoStoreOnTheFxThreadTest {
    @TempDir
    static Path config;

    private static AppContext context;
    private HostsView hosts;
    private TuningView tuning;
    private JournalView journal;

    @BeforeAll
    static void saveAHostAndRefuseTheFxThread() {
        context = new AppContext(config);
        context.hostDirectory().save(new HostDirectory.NewHost("prod-accepter", "10.0.0.5", Optional.of("ecs-user"), OptionalInt.empty(),
                Optional.empty(), Optional.empty()));
        context.tuningJournal().planStarted(new Plan("p-offthread", "sandbox", "seed", Instant.now(), List.of(), List.of(), List.of(),
                List.of(), new HostFacts("6.1.0", "0-3", true, Optional.empty(), true, Map.of(), false)), "apply", Optional.empty());
        System.setProperty(Database.REFUSE_UI_THREAD, "true");
    }

    @AfterAll
    static void allowAgain() {
        System.clearProperty(Database.REFUSE_UI_THREAD);
        context.close();
    }

    @Start
    void start(Stage stage) {
        hosts = HostsView.load(context);
        tuning = TuningView.load(context);
        journal = JournalView.load(context);
        stage.setScene(new Scene(new TabPane(new Tab("Hosts", hosts.root()), new Tab("Tuning", tuning.root()), new Tab("Journal", journal.root())),
                1200, 800));
        stage.show();
    }

    @Test
    void theStoreRefusesAConnectionOnTheFxThread() throws Exception {
        Throwable[] refused = new Throwable[1];
        WaitForAsyncUtils.asyncFx(() -> {
            try (var connection = context.database().connect()) {
                refused[0] = null;
            } catch (Exception e) {
                refused[0] = e;
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(refused[0]).as("the guard this test relies on").isNotNull().hasMessageContaining("JavaFX application thread");
    }

    @Test
    void theHostsScreenListsTheSavedHostReadOffTheFxThread() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hosts.model().hosts().stream().anyMatch(h -> h.name().equals("prod-accepter")));
        assertThat(hosts.model().errorProperty().get()).isEmpty();
    }

    @Test
    void theTuningScreenListsTheSavedHostReadOffTheFxThread() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tuning.model().hosts.contains("prod-accepter"));
        assertThat(tuning.model().status.get()).doesNotContain("Cannot list");
    }

    @Test
    void theJournalScreenReadsItsPlansOffTheFxThread(FxRobot robot) throws Exception {
        robot.interact(() -> journal.model().refresh());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> journal.model().plans.stream().anyMatch(p -> p.id().equals("p-offthread")));
        assertThat(journal.model().status.get()).doesNotContain("could not be read");
    }
}
