package dev.nettune.ui.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.aliyun.SandboxCloud;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.store.CloudJournalStore;
import dev.nettune.store.Database;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.cloud.rss.RssWizard;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
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

/** The custom-RSS wizard in Chinese against the local OpenAPI server: its preflight checks say their names and reasons in Chinese. */
@ExtendWith(ApplicationExtension.class)
class RssWizardInChineseTest {
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

    @Test
    void thePreflightChecksAreSaidInChinese(FxRobot robot) throws Exception {
        NetworkInterface eni = sandbox.api.describeNetworkInterface(SandboxCloud.REGION, NetworkInterfaceId.of(DemoSeed.SECONDARY_ENI)).orElseThrow();
        CloudSession session = new CloudSession(sandbox.api, SandboxCloud.REGION, "test sandbox",
                new CloudJournalStore(Database.open(dir.resolve("n.db"))), SandboxCloud.waiter());
        RssWizard[] w = new RssWizard[1];
        robot.interact(() -> {
            w[0] = new RssWizard(stage, session, TaskRunner.application(), eni);
            w[0].wizard().getDialog().show();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#rssChecks").queryAs(ListView.class).getItems().isEmpty());
        robot.interact(() -> {
            w[0].model().dpdkProperty().set(true);
            w[0].model().dpdkVersionProperty().set("20.11");
        });
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = new java.util.ArrayList<>();
        List<String> left = new java.util.ArrayList<>();
        robot.interact(() -> Window.getWindows().stream().filter(x -> x.getScene() != null && x.isShowing()).forEach(x -> {
            shown.addAll(EnglishLeft.shownTexts(x.getScene().getRoot()));
            left.addAll(EnglishLeft.shownUnder(x.getScene().getRoot()));
        }));

        assertThat(shown).anyMatch(t -> t != null && t.contains("地域：")).anyMatch(t -> t != null && t.contains("镜像和内核：内核版本未知"));
        assertThat(w[0].model().checks()).anyMatch(c -> Messages.say(c.line()).equals("[未通过] DPDK 版本：DPDK 20.11 低于 21.11：请升级 DPDK 以使用自定义RSS。"));
        assertThat(left).isEmpty();
    }
}
