package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import dev.nettune.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Monitor screen in a real (headless) stage, on the sandbox with its background traffic. */
@ExtendWith(ApplicationExtension.class)
class MonitorScreenTest {
    @TempDir
    Path config;

    private AppContext context;
    private MonitorView view;
    private FramesDrawn redraws;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        context = new AppContext(config);
        view = MonitorView.load(context);
        redraws = FramesDrawn.of(view.model());
        Scene scene = new Scene(view.root(), 1200, 780);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        view.close();
        context.close();
    }

    @Test
    void opensOnTheSandboxAndSamplesArrive(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> redraws.get() >= 2);
        // Read on the FX thread: a redraw replaces the chart's series there, and a read from the test thread
        // in the middle of one saw 3 of the 4 lines.
        robot.interact(() -> {
            assertThat(view.model().target().hostProperty().get()).isEqualTo("sandbox");
            assertThat(view.model().queueCountProperty().get()).isEqualTo(4);
            assertThat(view.charts().lineCount()).isEqualTo(4);
            assertThat(view.model().frameProperty().get().latest().totalRxPps()).isGreaterThan(0);
            assertThat(view.model().imbalanceProperty().get()).contains("busiest queue");
        });
    }

    @Test
    void queueToggleHidesItsLine(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#queue-toggle-2").tryQuery().isPresent());
        assertThat(view.charts().lineVisible(2)).isTrue();
        robot.clickOn("#queue-toggle-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#queue-toggle-2").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(view.charts().lineVisible(2)).isFalse();
        // It stays hidden through later redraws.
        int drawn = redraws.get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> redraws.get() > drawn);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.charts().lineVisible(2)).isFalse();
        assertThat(view.charts().lineVisible(1)).isTrue();
    }
}
