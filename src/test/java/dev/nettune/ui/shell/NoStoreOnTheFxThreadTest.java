package dev.nettune.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.CloudAccounts;
import dev.nettune.app.HostDirectory;
import dev.nettune.cloud.ResourceWaiter;
import dev.nettune.store.Database;
import dev.nettune.ui.cloud.CloudScreen;
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
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * The Hosts and Tuning screens list the saved hosts (SQLite), the Journal screen its plans, and the Cloud screen's production
 * setup the hosts to tune, without touching the database on the FX thread: the store refuses a connection there for this test,
 * so a screen that read it on the FX thread would fail to load or show "could not be listed" (or only the built-in hosts)
 * instead of the saved host.
 */
@ExtendWith(ApplicationExtension.class)
class NoStoreOnTheFxThreadTest {
    @TempDir
    static Path config;

    private static AppContext context;
    private HostsView hosts;
    private TuningView tuning;
    private JournalView journal;
    private CloudScreen cloud;
    private Stage stage;

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
        this.stage = stage;
        hosts = HostsView.load(context);
        tuning = TuningView.load(context);
        journal = JournalView.load(context);
        // No aliyun profile in this home: the Cloud screen connects to the sandbox region.
        cloud = CloudScreen.load(context, CloudAccounts.forHome(context, Map.of(), config.resolve("home")), ResourceWaiter.standard());
        stage.setScene(new Scene(new TabPane(new Tab("Hosts", hosts.root()), new Tab("Tuning", tuning.root()), new Tab("Journal", journal.root()),
                new Tab("Cloud", cloud.root())), 1200, 800));
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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tuning.model().hosts().contains("prod-accepter"));
        assertThat(tuning.model().statusProperty().get()).doesNotContain("Cannot list");
    }

    @Test
    void theJournalScreenReadsItsPlansOffTheFxThread(FxRobot robot) throws Exception {
        robot.interact(() -> journal.model().refresh());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> journal.model().plans().stream().anyMatch(p -> p.id().equals("p-offthread")));
        assertThat(journal.model().statusProperty().get()).doesNotContain("could not be read");
    }

    @Test
    void theProductionSetupOffersTheSavedHostReadOffTheFxThread(FxRobot robot) throws Exception {
        robot.interact(() -> ((TabPane) stage.getScene().getRoot()).getSelectionModel().select(3));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> cloud.model().sessionProperty().get() != null && !cloud.model().busyProperty().get());
        List<Window> before = List.copyOf(Window.getWindows());
        try {
            press(stage, "#openProduction");
            Window[] wizard = new Window[1];
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                Window.getWindows().stream().filter(w -> !before.contains(w) && w.isShowing()).findFirst().ifPresent(w -> wizard[0] = w);
                return wizard[0] != null;
            });
            press(wizard[0], "#prodRunCloud"); // skip the cloud part: straight to the host page
            press(wizard[0], "Next");
            @SuppressWarnings("unchecked")
            ComboBox<String> host = (ComboBox<String>) find(wizard[0], "#prodHost").orElseThrow();
            assertThat(host.getItems()).contains("prod-accepter");
        } finally {
            robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> !before.contains(w)).forEach(Window::hide));
        }
        assertThat(cloud.model().statusProperty().get()).doesNotContain("Cannot open the wizard");
    }

    private static Optional<Node> find(Window w, String idOrText) {
        return LayoutTest.descendants(w.getScene().getRoot()).stream().filter(n -> idOrText.equals("#" + n.getId())
                || n instanceof Labeled l && l.getText() != null && idOrText.equals(l.getText().strip()) && n instanceof ButtonBase)
                .filter(Node::isVisible).findFirst();
    }

    /** Presses a button later on the FX thread: its handler may open a dialog with showAndWait. */
    private static void press(Window w, String idOrText) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> find(w, idOrText).map(n -> !n.isDisabled()).orElse(false));
        Node n = find(w, idOrText).orElseThrow();
        Platform.runLater(() -> ((ButtonBase) n).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
