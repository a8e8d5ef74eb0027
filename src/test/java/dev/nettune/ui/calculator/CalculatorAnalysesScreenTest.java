package dev.nettune.ui.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import dev.nettune.rss.Distribution;
import dev.nettune.rss.KeySolver;
import dev.nettune.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Distribution, Reverse search and Key solving tabs, run for real off the FX thread. */
@ExtendWith(ApplicationExtension.class)
class CalculatorAnalysesScreenTest {
    @TempDir
    Path config;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        CalculatorView view = CalculatorView.load(new AppContext(config));
        Scene scene = new Scene(view.root(), 1200, 760);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    /** Tab headers are plain to click but slow to reach with the robot's mouse; selecting is enough here. */
    private static void showTab(FxRobot robot, String id) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow());
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TableView.class);
    }

    /** Waits for the background work to fill the table; on a timeout the panel's status says why. */
    private static void waitUntilFilled(FxRobot robot, TableView<?> table, String status) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Nothing came; status: " + robot.lookup(status).queryLabeled().getText(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void measuringScenarioOneFillsTheChartAndTheTableForEveryQueue(FxRobot robot) throws Exception {
        showTab(robot, "distributionTab");
        robot.clickOn("#runDistributionButton");

        TableView<Distribution.QueueLoad> t = table(robot, "#distributionTable");
        waitUntilFilled(robot, t, "#distributionStatus");

        assertThat(t.getItems()).hasSize(64);
        assertThat(t.getItems().stream().mapToLong(Distribution.QueueLoad::flows).sum()).isEqualTo(10_000);
        assertThat(robot.lookup("#distributionChart").tryQuery()).isPresent();
        assertThat(robot.lookup("#distributionStatus").queryLabeled().getText()).isEqualTo("10,000 flows measured.");
    }

    @Test
    void reverseSearchListsPortsThatLandOnTheChosenQueue(FxRobot robot) throws Exception {
        showTab(robot, "reverseSearchTab");
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextInputControl.class).setText("5"));
        robot.clickOn("#runSearchButton");

        TableView<ReverseSearchViewModel.PortRow> t = table(robot, "#portsTable");
        waitUntilFilled(robot, t, "#searchStatus");

        assertThat(t.getItems()).allSatisfy(r -> assertThat(r.queue()).isEqualTo(5));
        assertThat(robot.lookup("#searchSummary").queryLabeled().getText()).contains("queue 5");
    }

    @Test
    void aSolvedKeyCanBeTakenIntoTheCalculator(FxRobot robot) throws Exception {
        showTab(robot, "keySolverTab");
        robot.clickOn("#runSolveButton");

        TableView<KeySolver.Placement> t = table(robot, "#placementsTable");
        waitUntilFilled(robot, t, "#solveStatus");
        assertThat(t.getItems()).extracting(KeySolver.Placement::queue).containsExactly(0, 1, 2, 3);
        String solved = robot.lookup("#solvedKeyField").queryAs(TextInputControl.class).getText();

        robot.clickOn("#useKeyButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#keyField").queryAs(TextArea.class).getText()).isEqualTo(solved);
        assertThat(robot.lookup("#useKeyButton").queryAs(Button.class).isDisabled()).isFalse();
    }
}
