package dev.nettune.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;

/** The Fleet screen in Chinese on the sandbox: after the canary fails, the instances it left untouched say why in Chinese. */
@ExtendWith(ApplicationExtension.class)
class FleetScreenInChineseTest {
    @TempDir
    static Path config;
    AppContext context;
    MainWindow window;

    @Start
    void start(Stage stage) {
        Messages.use(Messages.CHINESE);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        context = new AppContext(config);
        context.fleet().pollSleeper(d -> Thread.sleep(20));
        window = new MainWindow(context);
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
        Messages.use(Messages.ENGLISH);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInstancesAFailedCanaryLeftUntouchedSayWhyInChinese(FxRobot robot) throws Exception {
        robot.clickOn("#nav-fleet");
        TableView<FleetViewModel.MemberRow> members = robot.lookup("#memberTable").queryAs(TableView.class);
        robot.clickOn("#fleetLoad");
        waitUntil(() -> members.getItems().size() == 12);
        robot.interact(() -> members.getItems().subList(3, 12).forEach(r -> r.selected.set(false)));
        context.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(0)).faults().failNext("sysctl -w net.ipv4.tcp_fin_timeout", 1,
                "sysctl: denied\n");

        robot.clickOn("#fleetApply");
        waitUntil(() -> "SKIPPED".equals(members.getItems().get(2).status.get()) && "SKIPPED".equals(members.getItems().get(1).status.get()));

        java.util.List<String> reasons = members.getItems().subList(1, 3).stream().map(r -> r.reason.get()).toList();
        assertThat(reasons).containsOnly("未启动：1 个实例失败，超过了 --max-failures 0 允许的数量。");
        assertThat(EnglishLeft.in(reasons)).isEmpty();
        java.util.List<String> shown = new java.util.ArrayList<>();
        robot.interact(() -> shown.addAll(EnglishLeft.shownTexts(members)));
        assertThat(shown).contains("未启动：1 个实例失败，超过了 --max-failures 0 允许的数量。");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyStatusAnApplyShowsIsChineseAndNamesTheProfileAsThePickerDoes(FxRobot robot) throws Exception {
        robot.clickOn("#nav-fleet");
        TableView<FleetViewModel.MemberRow> members = robot.lookup("#memberTable").queryAs(TableView.class);
        robot.clickOn("#fleetLoad");
        waitUntil(() -> members.getItems().size() == 12);
        robot.interact(() -> members.getItems().subList(2, 12).forEach(r -> r.selected.set(false)));
        java.util.List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        javafx.scene.control.Labeled status = robot.lookup("#statusLabel").queryLabeled();
        robot.interact(() -> {
            status.textProperty().addListener((o, a, b) -> said.add(b));
            members.getItems().subList(0, 2).forEach(r -> r.status.addListener((o, a, b) -> said.add(b)));
        });

        robot.clickOn("#fleetApply");
        waitUntil(() -> !members.getItems().get(1).status.get().isEmpty() && !status.getText().startsWith("正在"));

        assertThat(said).anyMatch(t -> t.startsWith("正在把“ECS 高吞吐”应用到 2 个实例"));
        assertThat(said).doesNotContain("pending").noneMatch(t -> t.contains("ECS high throughput"));
        assertThat(EnglishLeft.in(said)).isEmpty();
    }
}
