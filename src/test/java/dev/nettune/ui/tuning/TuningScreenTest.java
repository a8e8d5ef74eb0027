package dev.nettune.ui.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.ui.journal.JournalView;
import dev.nettune.ui.journal.JournalViewModel;
import dev.nettune.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Tuning screen in a real (headless) stage: plan the built-in profile on the sandbox, apply it, see it read back. */
@ExtendWith(ApplicationExtension.class)
class TuningScreenTest {
    @TempDir
    Path config;

    private AppContext context;
    private TuningView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        context = new AppContext(config);
        view = TuningView.load(context);
        Scene scene = new Scene(view.root(), 1200, 780);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void planningThenApplyingTheBuiltInProfileOnTheSandboxShowsEachStepReadBack(FxRobot robot) throws Exception {
        assertThat(view.model().hostProperty().get()).isEqualTo("sandbox");
        assertThat(view.model().profileProperty().get().name()).isEqualTo("ECS high throughput");

        robot.clickOn("#planButton");
        waitUntil(() -> view.model().canApplyProperty().get());
        TableView<?> table = robot.lookup("#planTable").queryTableView();
        assertThat(table.getItems()).hasSize(5);
        assertThat(view.model().rows().get(4).title()).startsWith("/etc/sysctl.conf");
        assertThat(view.model().rows().get(0).before()).isEqualTo("2");
        assertThat(view.model().rows().get(0).after()).isEqualTo("1");
        assertThat(view.model().previewProperty().get()).contains("sudo sysctl -w net.ipv4.tcp_tw_reuse=1")
                .contains("| net.ipv4.tcp_fin_timeout = 15");

        robot.clickOn("#applyButton");
        waitUntil(() -> view.model().statusProperty().get().startsWith("APPLIED"));

        assertThat(view.model().rows()).allMatch(r -> r.status().equals("applied"));
        assertThat(view.model().rows().get(2).readBack()).isEqualTo("15");
        assertThat(view.model().progressProperty().get()).isEqualTo(1.0);

        robot.clickOn("#planButton");
        waitUntil(() -> view.model().statusProperty().get().startsWith("Nothing to do"));
        assertThat(table.getItems()).isEmpty();
    }

    @Test
    void theRssEditorPreviewsTheTableOnTheCalculatorsGridAndRefusesABadRequest(FxRobot robot) {
        robot.interact(() -> view.model().nicEditor().rssTableProperty().set("weight 6 4"));
        assertThat(view.model().nicEditor().rssPreviewProperty().get().bucketsPerQueue()).containsEntry(0, 76).containsEntry(1, 52);

        robot.interact(() -> view.model().nicEditor().rssTableProperty().set("equal 9"));

        assertThat(view.model().nicEditor().rssPreviewProperty().get()).isNull();
        assertThat(view.model().nicEditor().rssErrorProperty().get()).contains("4 ring(s)");
    }

    @Test
    void theJournalListsTheAppliedPlanAndUndoingAnEntryPutsItsValueBack(FxRobot robot) throws Exception {
        robot.clickOn("#planButton");
        waitUntil(() -> view.model().canApplyProperty().get());
        robot.clickOn("#applyButton");
        waitUntil(() -> view.model().statusProperty().get().startsWith("APPLIED"));
        JournalViewModel journal = new JournalViewModel(context.tuningJournal(), context.tuningEngine(),
                name -> context.hostResolver().resolve(name, HostOptions.defaults()), Runnable::run, Runnable::run);

        journal.refresh();

        assertThat(journal.plans()).hasSize(1);
        assertThat(journal.plans().get(0).status()).isEqualTo("APPLIED");
        assertThat(journal.entries()).extracting(JournalViewModel.EntryRow::title).contains("net.ipv4.tcp_fin_timeout");
        JournalViewModel.EntryRow fin = journal.entries().stream().filter(e -> e.title().equals("net.ipv4.tcp_fin_timeout"))
                .findFirst().orElseThrow();
        assertThat(fin.before()).isEqualTo("60");
        assertThat(fin.readBack()).isEqualTo("15");
        assertThat(fin.commands()).isEqualTo("sudo sysctl -w net.ipv4.tcp_fin_timeout=15");

        journal.selectedEntryProperty().set(fin);
        journal.undoEntry();

        assertThat(journal.statusProperty().get()).startsWith("UNDONE: entry " + fin.id() + " is undone").doesNotContain("APPLIED");
        assertThat(context.sandboxInstance().sysctlValue("net.ipv4.tcp_fin_timeout")).contains("60");
        assertThat(journal.plans()).extracting(JournalViewModel.PlanRow::status).contains("PARTLY_UNDONE");
    }

    @Test
    void xpsListsArePlannedAsMasksAndTheSeedsMistakeIsExplainedWhereTheyAreTyped(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#xpsNoteLabel").queryLabeled().getText()).contains("echo 0-3 > .../tx-0/xps_cpus")
                .contains("hex mask");
        robot.interact(() -> view.model().nicEditor().xpsCpusProperty().set("0-1; 2-3"));

        robot.interact(() -> view.model().planXps());
        waitUntil(() -> !view.model().busyProperty().get());

        assertThat(view.model().canApplyProperty().get()).as(view.model().statusProperty().get() + view.model().notes()).isTrue();
        assertThat(view.model().rows()).extracting(TuningViewModel.PlanRow::after).containsExactly("0-1 (mask 3)", "2-3 (mask c)");
        robot.interact(() -> view.model().nicEditor().xpsCpusProperty().set("0-3; f"));
        robot.interact(() -> view.model().planXps());
        assertThat(view.model().nicEditor().xpsErrorProperty().get()).contains("not a CPU list");
    }

    @Test
    void theJournalScreenLoadsWithItsTables(FxRobot robot) {
        JournalView journal = JournalView.load(context);
        robot.interact(() -> robot.window(0).getScene().setRoot(journal.root()));

        assertThat(robot.lookup("#planTable").tryQuery()).isPresent();
        assertThat(robot.lookup("#undoPlan").queryButton().isDisabled()).isTrue();
    }

    @Test
    void theUndoButtonPutsThePlanBackAndTheStatusNoLongerSaysApplied(FxRobot robot) throws Exception {
        robot.clickOn("#planButton");
        waitUntil(() -> view.model().canApplyProperty().get());
        robot.clickOn("#applyButton");
        waitUntil(() -> view.model().statusProperty().get().startsWith("APPLIED"));

        robot.clickOn("#undoButton");
        waitUntil(() -> view.model().statusProperty().get().startsWith("UNDONE"));

        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).startsWith("UNDONE on sandbox");
        assertThat(context.sandboxInstance().sysctlValue("net.ipv4.tcp_tw_reuse")).contains("2");
        assertThat(robot.lookup("#undoButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void applyingToAHostThatIsNotTheSandboxAsksFirstAndCancelChangesNothing(FxRobot robot) throws Exception {
        // Every host counts as real here, the sandbox included, so the question is asked without touching a real host.
        TuningViewModel strict = new TuningViewModel(name -> context.hostResolver().resolve(name, HostOptions.defaults()),
                context.tuningEngine(), java.util.List.of("sandbox"), context.profiles().all(), Runnable::run,
                Runnable::run, name -> false);
        TuningView asking = TuningView.load(strict);
        robot.interact(() -> robot.window(0).getScene().setRoot(asking.root()));
        robot.clickOn("#planButton");
        waitUntil(() -> strict.canApplyProperty().get());

        robot.clickOn("#applyButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tuningConfirm").tryQuery()).isPresent();
        assertThat(robot.lookup("#tuningConfirm").queryAs(javafx.scene.control.DialogPane.class).getContentText()).startsWith("Apply 5 steps of \"ECS high throughput\" to sandbox?");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(strict.canApplyProperty().get()).isTrue();
        assertThat(context.sandboxInstance().sysctlValue("net.ipv4.tcp_tw_reuse")).contains("2");
    }
}
