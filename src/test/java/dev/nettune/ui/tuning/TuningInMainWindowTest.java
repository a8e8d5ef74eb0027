package dev.nettune.ui.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import dev.nettune.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Tuning screen as the app opens it (lazily, from the rail): what the user sees, not only the model. */
@ExtendWith(ApplicationExtension.class)
class TuningInMainWindowTest {
    @TempDir
    Path config;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindow window = new MainWindow(new AppContext(config));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theFirstPlanAfterLaunchShowsItsRowsWithoutSwitchingTabs(FxRobot robot) throws Exception {
        TableView<?> table = planOnTheSandbox(robot);

        Node placeholder = table.lookup(".placeholder");
        assertThat(placeholder == null || !placeholder.isVisible()).as("the 'No plan yet' placeholder is hidden").isTrue();
        assertThat(table.lookupAll(".table-cell").stream().filter(Node::isVisible)
                .map(n -> ((Labeled) n).getText())).contains("net.ipv4.tcp_tw_reuse");
    }

    @Test
    void everyPlanCellShowsItsWholeTextAt1280x800(FxRobot robot) throws Exception {
        TableView<?> table = planOnTheSandbox(robot);

        // A setting or value that ends in "..." cannot be checked before Apply (a tooltip is one hover per row too many).
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".table-cell").stream()
                .filter(n -> n.isVisible() && n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty())
                .map(Labeled.class::cast)
                .filter(l -> l.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(Text.class::cast)
                        .anyMatch(t -> !t.getText().equals(l.getText())))
                .map(Labeled::getText).toList()).get();
        assertThat(cut).isEmpty();
    }

    /** Opens Tuning from the rail, presses Plan once the host list is read, and waits for the rows. */
    private static TableView<?> planOnTheSandbox(FxRobot robot) throws Exception {
        robot.clickOn("#nav-tuning");
        Button plan = robot.lookup("#planButton").queryButton();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !plan.isDisabled());
        robot.clickOn(plan);
        TableView<?> table = robot.lookup("#planTable").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }
}
