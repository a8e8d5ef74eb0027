package dev.nettune.ui.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.aliyun.SandboxCloud;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.store.CloudJournalStore;
import dev.nettune.store.Database;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.cloud.eni.SecondaryEniWizard;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

/** The cloud wizards in Chinese against the local OpenAPI server: what they check and what their run log says leave no English. */
@ExtendWith(ApplicationExtension.class)
class CloudWizardsInChineseTest {
    @TempDir
    Path dir;
    private Stage stage;
    private final SandboxCloud sandbox = new SandboxCloud();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Messages.use(Messages.CHINESE);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        sandbox.close();
        Messages.use(Messages.ENGLISH);
    }

    private CloudSession session() {
        return new CloudSession(sandbox.api, SandboxCloud.REGION, "test sandbox", new CloudJournalStore(Database.open(dir.resolve("n.db"))),
                SandboxCloud.waiter());
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> b.getText() != null && text.equals(b.getText().strip()) && b.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no button " + text));
    }

    /** Everything the open wizard shows. */
    private static List<String> englishShown(FxRobot robot) {
        List<String> left = new java.util.ArrayList<>();
        robot.interact(() -> Window.getWindows().stream().filter(w -> w.getScene() != null && w.isShowing())
                .forEach(w -> left.addAll(EnglishLeft.shownUnder(w.getScene().getRoot()))));
        return left;
    }

    @Test
    void aVSwitchIdThatIsNotOneIsRefusedInChinese(FxRobot robot) throws Exception {
        var api = sandbox.api;
        var region = SandboxCloud.REGION;
        SecondaryEniWizard[] w = new SecondaryEniWizard[1];
        robot.interact(() -> {
            w[0] = new SecondaryEniWizard(stage, session(), TaskRunner.application(), api.describeInstances(region), api.describeNetworkInterfaces(region, java.util.Optional.empty()),
                    api.describeSecurityGroups(region), api.describeEips(region), null);
            w[0].wizard().getDialog().show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(button(robot, "下一步"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#eniVSwitch").queryAs(TextField.class).setText("vsw_hk1"));
        WaitForAsyncUtils.waitForFxEvents();

        String problem = robot.lookup("#eniProblem").queryAs(Label.class).getText();
        assertThat(problem).startsWith("'vsw_hk1' 不是交换机 ID：它必须以 'vsw-' 开头");
        assertThat(englishShown(robot)).isEmpty();
    }

    @Test
    void attachingTheSeedsSecondaryEniAndUndoingItLogsInChinese(FxRobot robot) throws Exception {
        var api = sandbox.api;
        var region = SandboxCloud.REGION;
        SecondaryEniWizard[] w = new SecondaryEniWizard[1];
        robot.interact(() -> {
            w[0] = new SecondaryEniWizard(stage, session(), TaskRunner.application(), api.describeInstances(region),
                    api.describeNetworkInterfaces(region, java.util.Optional.empty()), api.describeSecurityGroups(region), api.describeEips(region),
                    null);
            w[0].wizard().getDialog().show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        RealAccountJourney.chooseSeedInstance(robot);
        robot.clickOn(button(robot, "下一步"));
        RealAccountJourney.pickSeedSecondaryEni(robot);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(button(robot, "下一步")); // settings: left as they are
        robot.clickOn(button(robot, "下一步"));
        javafx.scene.control.CheckBox addRule = robot.lookup("#eniAddRule").queryAs(javafx.scene.control.CheckBox.class);
        if (addRule.isSelected()) {
            robot.clickOn(addRule);
        }
        robot.clickOn(button(robot, "下一步"));
        robot.clickOn(button(robot, "下一步")); // no EIP
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(englishShown(robot)).as("the review page").isEmpty();
        robot.clickOn(button(robot, "下一步"));
        PlanRunModel runner = w[0].model().runner();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runner.finishedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ran = List.copyOf(runner.log());
        assertThat(runner.succeededProperty().get()).as(String.join("\n", ran)).isTrue();
        assertThat(ran).anyMatch(l -> l.startsWith("第 1/1 步：将弹性网卡 " + DemoSeed.SECONDARY_ENI + " 挂载到实例 " + DemoSeed.SANDBOX_INSTANCE))
                .anyMatch(l -> l.startsWith("正在等待 " + DemoSeed.SECONDARY_ENI + " 变为 InUse：当前 "))
                .anyMatch(l -> l.startsWith(DemoSeed.SECONDARY_ENI + " 已是 InUse（"))
                .anyMatch(l -> l.startsWith("完成 第 1 步："));
        assertThat(EnglishLeft.in(ran)).isEmpty();
        assertThat(englishShown(robot)).as("the run page").isEmpty();

        robot.interact(runner::undo);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runner.undoneProperty().get() || !runner.runningProperty().get()
                && runner.log().size() > ran.size() + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runner.undoneProperty().get()).as(String.join("\n", runner.log())).isTrue();
        assertThat(runner.log()).anyMatch(l -> l.startsWith("撤销第 1 步：从实例 " + DemoSeed.SANDBOX_INSTANCE + " 卸载弹性网卡"))
                .anyMatch(l -> l.equals("完成 第 1 步已撤销：已卸载"));
        assertThat(EnglishLeft.in(runner.log())).isEmpty();
        assertThat(englishShown(robot)).as("the run page after the undo").isEmpty();
        assertThat(api.describeNetworkInterface(region, NetworkInterfaceId.of(DemoSeed.SECONDARY_ENI)).orElseThrow().status()).isEqualTo("Available");
    }
}
