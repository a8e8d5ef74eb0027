package dev.nettune.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import dev.nettune.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Hosts screen reached from the main window's rail, as a newcomer reaches it. */
@ExtendWith(ApplicationExtension.class)
class HostsNavigationTest {
    @TempDir
    static Path config;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindow w = new MainWindow(new AppContext(config));
        Scene scene = new Scene(w.root(), 1200, 800);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRailOpensHostsAndTheSandboxShowsItsFourQueues(FxRobot robot) throws Exception {
        robot.clickOn("#nav-hosts");
        ListView<HostsViewModel.HostEntry> list = robot.lookup("#hostList").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(0));
        TableView<HostsViewModel.QueueRow> table = robot.lookup("#queueTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        assertThat(robot.lookup("#hostTitle").queryLabeled().getText()).isEqualTo("sandbox");
    }
}
