package dev.nettune.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import dev.nettune.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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

/** The Hosts screen in a real (headless) JavaFX stage: the sandbox first, its eth1 with 4 queues and its table. */
@ExtendWith(ApplicationExtension.class)
class HostsScreenTest {
    @TempDir
    static Path config;

    private HostsView view;
    private AppContext context;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        context = new AppContext(config);
        view = HostsView.load(context);
        Scene scene = new Scene(view.root(), 1200, 800);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void selectingTheSandboxShowsEth1WithFourQueuesAndItsTable(FxRobot robot) throws Exception {
        ListView<HostsViewModel.HostEntry> list = robot.lookup("#hostList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        assertThat(list.getItems().get(0).name()).isEqualTo("sandbox");
        robot.clickOn(robot.lookup(".list-cell").nth(0).queryLabeled());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.model().busyProperty().get()
                && view.model().stateProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#hostTitle").queryLabeled().getText()).isEqualTo("sandbox");
        assertThat(robot.lookup("#nicBox").queryAs(ComboBox.class).getValue()).isEqualTo("eth1");
        assertThat(robot.lookup("#queueTable").queryAs(TableView.class).getItems()).hasSize(4);
        assertThat(robot.lookup("#nicSummaryLabel").queryLabeled().getText()).contains("4 queues");
        assertThat(robot.lookup("#bucket-127").queryAs(Label.class).getText()).isEqualTo("3");
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).startsWith("Read sandbox at");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHostAddedByHandIsSavedAndListedAfterTheBuiltIns(FxRobot robot) {
        robot.clickOn("#addByHandButton");
        robot.clickOn("#add-host-name").write("prod-accepter");
        robot.clickOn("#add-host-address").write("10.0.0.5");
        robot.clickOn("#add-host-user").write("ecs-user");
        robot.clickOn("#add-host-port").write("2222");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<HostsViewModel.HostEntry> list = robot.lookup("#hostList").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(HostsViewModel.HostEntry::name).containsExactly("sandbox", "local", "prod-accepter");
        assertThat(list.getItems().get(2).detail()).isEqualTo("ecs-user@10.0.0.5:2222");
        assertThat(context.hostInventory().find("prod-accepter")).isPresent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingEth0ShowsWhyThereIsNoTable(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".list-cell").nth(0).queryLabeled());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().stateProperty().get() != null);
        robot.interact(() -> robot.lookup("#nicBox").queryAs(ComboBox.class).setValue("eth0"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tableProblemLabel").queryLabeled().getText()).contains("Operation not supported");
        assertThat(robot.lookup("#queueTable").queryAs(TableView.class).getItems()).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHostWhoseShownTableMayNotBeInEffectCarriesTheBadgeInTheHostList(FxRobot robot) throws Exception {
        // NetTune's last push to the sandbox's eth1 was in another boot: the table it shows may not be in effect.
        context.tuningJournal().rssPushed(new dev.nettune.tuning.RssPush("p-list", "sandbox", "eth1", java.time.Instant.now(),
                "an-earlier-boot", java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty()));
        ListView<HostsViewModel.HostEntry> list = robot.lookup("#hostList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());

        robot.clickOn(robot.lookup(".list-cell").nth(0).queryLabeled());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#host-rss-badge-sandbox").tryQuery().isPresent());

        Label badge = robot.lookup("#host-rss-badge-sandbox").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo(dev.nettune.ui.common.Messages.format("hosts.list.rssBadge", "eth1"));
        assertThat(badge.isVisible()).isTrue();
        assertThat(robot.lookup("#host-rss-badge-local").tryQuery()).isEmpty();
    }
}
