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

/**
 * The Fleet screen as a newcomer uses it from the main window's rail, on the sandbox out of the box: load the
 * sandbox region's fleet=demo instances, preview the built-in profile, apply it to a few (canary first), see
 * each one's result, undo the run; then watch them in the fleet monitor.
 */
@ExtendWith(ApplicationExtension.class)
class FleetScreenTest {
    static final String FIN = "net.ipv4.tcp_fin_timeout";

    @TempDir
    static Path config;
    AppContext context;
    MainWindow window;

    @Start
    void start(Stage stage) {
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
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFleetApplyOnTheSandboxIsPreviewedRunPerInstanceAndUndone(FxRobot robot) throws Exception {
        robot.clickOn("#nav-fleet");
        TableView<FleetViewModel.MemberRow> members = robot.lookup("#memberTable").queryAs(TableView.class);
        robot.clickOn("#fleetLoad");
        waitUntil(() -> members.getItems().size() == 12);
        String before = context.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(0)).sysctlValue(FIN).orElseThrow();
        robot.interact(() -> members.getItems().subList(3, 12).forEach(r -> r.selected.set(false)));

        robot.clickOn("#fleetPreview");
        waitUntil(() -> members.getItems().get(2).preview.get().startsWith("5 settings differ"));
        robot.clickOn("#fleetApply");
        waitUntil(() -> "APPLIED".equals(members.getItems().get(2).status.get()) && !robot.lookup("#fleetUndo").queryButton().isDisabled());

        assertThat(members.getItems().subList(0, 3)).allSatisfy(r -> assertThat(r.status.get()).isEqualTo("APPLIED"));
        assertThat(members.getItems().get(3).status.get()).isEmpty();
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).contains("3 applied");
        assertThat(context.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(0)).sysctlValue(FIN)).contains("15");

        robot.clickOn("#fleetUndo");
        waitUntil(() -> robot.lookup("#statusLabel").queryLabeled().getText().startsWith("Undo "));

        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).contains("succeeded");
        assertThat(context.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(0)).sysctlValue(FIN)).contains(before);
    }

    /** The NetTune process dying, as seen from inside a run: nothing catches it. */
    static final class Death extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunThatDidNotFinishIsOfferedOnTheScreenAndResumeFinishesIt(FxRobot robot) throws Exception {
        var fleet = context.fleet();
        var members = fleet.instances(dev.nettune.app.FleetService.CloudAccess.sandbox(),
                new dev.nettune.app.FleetService.InstanceQuery.Tag("fleet", "demo"), dev.nettune.fleet.Transport.CLOUD_ASSISTANT,
                dev.nettune.app.HostOptions.defaults(), java.util.Optional.empty()).subList(0, 3);
        try {
            fleet.apply(dev.nettune.tuning.Profile.ecsHighThroughput(), members, new dev.nettune.fleet.RolloutPolicy(1, 1, 0),
                    java.util.List.of(), dev.nettune.app.HostOptions.defaults(), new dev.nettune.fleet.FleetListener() {
                        @Override
                        public void instanceStarted(dev.nettune.fleet.FleetInstance instance, boolean canary) {
                            if (instance.position() == 1) {
                                throw new Death();
                            }
                        }
                    }, new dev.nettune.tuning.Cancellation());
        } catch (Death expected) {
            // the run broke off after its canary, as if NetTune had died
        }

        // Whether the Fleet screen was built before the run broke off or not: showing it looks again.
        robot.clickOn("#nav-hosts");
        robot.clickOn("#nav-fleet");
        waitUntil(() -> !robot.lookup("#fleetResume").queryButton().isDisabled());
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).contains("did not finish").contains("1 done, 1 in flight, 1 pending");
        robot.clickOn("#fleetResume");
        waitUntil(() -> robot.lookup("#statusLabel").queryLabeled().getText().contains("resumed"));

        TableView<FleetViewModel.MemberRow> table = robot.lookup("#memberTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3).allSatisfy(r -> assertThat(r.status.get()).isEqualTo("APPLIED"));
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).contains("succeeded");
        assertThat(robot.lookup("#fleetResume").queryButton().isDisabled()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFleetMonitorListsOneRowPerPickedInstance(FxRobot robot) throws Exception {
        robot.clickOn("#nav-fleet");
        TableView<FleetViewModel.MemberRow> members = robot.lookup("#memberTable").queryAs(TableView.class);
        robot.clickOn("#fleetLoad");
        waitUntil(() -> members.getItems().size() == 12);
        robot.interact(() -> members.getItems().subList(2, 12).forEach(r -> r.selected.set(false)));

        robot.clickOn("Fleet monitor");
        robot.clickOn("#fleetWatch");
        TableView<dev.nettune.monitor.FleetMonitor.Row> rows = robot.lookup("#monitorTable").queryAs(TableView.class);
        waitUntil(() -> rows.getItems().size() == 2);

        assertThat(rows.getItems()).extracting(dev.nettune.monitor.FleetMonitor.Row::instance)
                .containsExactlyInAnyOrderElementsOf(DemoSeed.FLEET_INSTANCES.subList(0, 2));
    }
}
