package dev.nettune.ui.cloud;

import dev.nettune.ui.common.TaskRunner;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.aliyun.SandboxCloud;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.store.CloudJournalStore;
import dev.nettune.store.Database;
import dev.nettune.ui.cloud.timeouts.TimeoutsWizard;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The connection-timeouts wizard in a real (headless) stage, driven as a user would, against the local OpenAPI server. */
@ExtendWith(ApplicationExtension.class)
class TimeoutsWizardTest {
    @TempDir
    Path dir;
    private Stage stage;
    private final SandboxCloud sandbox = new SandboxCloud();
    private static final NetworkInterfaceId ENI = NetworkInterfaceId.of(DemoSeed.SECONDARY_ENI);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        sandbox.close();
    }

    private TimeoutsWizard open(FxRobot robot) throws Exception {
        CloudSession session = new CloudSession(sandbox.api, SandboxCloud.REGION, "test sandbox",
                new CloudJournalStore(Database.open(dir.resolve("n.db"))), SandboxCloud.waiter());
        TimeoutsWizard[] w = new TimeoutsWizard[1];
        robot.interact(() -> {
            w[0] = new TimeoutsWizard(stage, session, TaskRunner.application(), ENI);
            w[0].wizard().getDialog().show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w[0].model().currentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return w[0];
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> b.getText() != null && text.equals(b.getText().strip()) && b.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no button " + text + " among "
                        + robot.lookup(".button").queryAllAs(Button.class).stream().map(b -> b.getText() + "/" + b.isVisible()).toList()));
    }

    @Test
    void inChineseTheWizardsOwnButtonsAreChineseToo(FxRobot robot) throws Exception {
        dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.CHINESE);
        try {
            open(robot);

            assertThat(button(robot, "下一步").isVisible()).isTrue();
            assertThat(button(robot, "上一步").isVisible()).isTrue();
        } finally {
            dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
        }
    }

    @Test
    void onlyTheAllowedValuesAreOffered(FxRobot robot) throws Exception {
        open(robot);
        assertThat(robot.lookup("#tcpEstablished").queryAs(ChoiceBox.class).getItems())
                .containsExactlyElementsOf(ConnectionTrackingTimeouts.TCP_ESTABLISHED_VALUES);
        assertThat(robot.lookup("#udp").queryAs(ChoiceBox.class).getItems()).containsExactlyElementsOf(ConnectionTrackingTimeouts.UDP_VALUES);
        assertThat(robot.lookup("#currentTimeouts").queryAs(Label.class).getText()).contains("TCP established 910 s");
    }

    @Test
    void choosingValuesReviewingAndRunningChangesTheEni(FxRobot robot) throws Exception {
        TimeoutsWizard w = open(robot);
        robot.clickOn("#tcpEstablished");
        robot.clickOn("300");
        robot.clickOn("#behindLoadBalancer");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.model().udpProperty().get()).isEqualTo(100);
        robot.clickOn(button(robot, "Next"));
        WaitForAsyncUtils.waitForFxEvents();
        String review = robot.lookup(".cloud-plan").queryAs(javafx.scene.control.TextArea.class).getText();
        assertThat(review).contains("aliyun ecs ModifyNetworkInterfaceAttribute", "TcpEstablishedTimeout 300", "UdpTimeout 100",
                "new connections only");
        robot.clickOn(button(robot, "Next"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> w.model().runner().finishedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.model().runner().succeededProperty().get()).as(String.join("\n", w.model().runner().log())).isTrue();
        assertThat(robot.lookup("#runStatus").queryAs(Label.class).getText()).startsWith("Done");
        assertThat(sandbox.api.describeConnectionTracking(SandboxCloud.REGION, ENI)).isEqualTo(new ConnectionTrackingTimeouts(300, 15, 100));
        Node finish = button(robot, "Finish");
        assertThat(finish.isDisabled()).isFalse();
        robot.clickOn(finish);
    }
}
