package dev.nettune.ui.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.CloudAccounts;
import dev.nettune.app.CloudConnection;
import dev.nettune.app.CloudPlans;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.CloudPlanRunner;
import dev.nettune.cloud.CloudPlanner;
import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.cloud.EniSpec;
import dev.nettune.cloud.InstanceId;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.ProgressListener;
import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.SecurityGroupId;
import dev.nettune.cloud.VSwitchId;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.testing.RealAccountRig;
import dev.nettune.ui.journal.JournalView;
import dev.nettune.ui.journal.JournalViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Cloud plans listed in the Journal beside host plans, undone and resumed there, with a confirmation on a real account. */
@ExtendWith(ApplicationExtension.class)
class CloudPlansInJournalTest {
    @TempDir
    static Path dir;
    private static final RegionId REGION = RegionId.of(RealAccountRig.REGION);
    private static final NetworkInterfaceId ENI = NetworkInterfaceId.of(DemoSeed.SECONDARY_ENI);
    private RealAccountJourney journey;
    private RealAccountRig rig;

    @Start
    void start(Stage stage) {
        journey = new RealAccountJourney(dir, stage);
        rig = journey.rig;
        journey.show(new javafx.scene.layout.StackPane());
    }

    @AfterEach
    void close(FxRobot robot) {
        journey.close(robot);
    }

    private CloudPlanRunner.PlanRun runOnProd(CloudPlan plan) {
        try (CloudConnection c = rig.accounts.connect(rig.prod(), Optional.empty(), Optional.of(rig.endpoint()))) {
            return new CloudPlanRunner(c.api(), rig.context.cloudJournal(), SandboxWaits.fast()).run(plan, ProgressListener.NONE,
                    CloudPlanRunner.Confirmation.ALWAYS);
        }
    }

    private JournalViewModel openJournal(FxRobot robot) {
        JournalView[] view = new JournalView[1];
        robot.interact(() -> {
            view[0] = JournalView.load(rig.context, new CloudPlans(rig.context.cloudJournal(), rig.accounts, SandboxWaits.fast()));
            journey.stage().getScene().setRoot(view[0].root());
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view[0].model();
    }

    private static JournalViewModel.PlanRow select(FxRobot robot, JournalViewModel model, String planId) {
        JournalViewModel.PlanRow row = model.plans().stream().filter(p -> p.id().equals(planId)).findFirst()
                .orElseThrow(() -> new AssertionError("plan " + planId + " not listed among " + model.plans()));
        robot.interact(() -> model.selectedPlanProperty().set(row));
        return row;
    }

    private void answer(FxRobot robot, ButtonType choice) {
        DialogPane alert = robot.lookup(".dialog-pane").queryAllAs(DialogPane.class).stream().filter(d -> d.getScene().getWindow().isShowing())
                .filter(d -> "Change a real cloud account".equals(d.getHeaderText())).findFirst().orElseThrow(() -> new AssertionError("no confirmation"));
        assertThat(alert.getContentText()).contains("Profile prod", rig.endpoint());
        robot.clickOn((Button) alert.lookupButton(choice));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aCloudPlanIsListedAndUndoneAfterTheUserConfirms(FxRobot robot) throws Exception {
        CloudPlan plan = CloudPlanner.timeouts(REGION, ENI, new ConnectionTrackingTimeouts(300, 15, 30), Optional.empty());
        assertThat(runOnProd(plan).completed()).isTrue();
        JournalViewModel model = openJournal(robot);
        JournalViewModel.PlanRow row = select(robot, model, plan.id());
        assertThat(row.cloud()).isTrue();
        assertThat(row.status()).isEqualTo("COMPLETE");
        assertThat(row.host()).isEqualTo("cloud");
        int before = rig.server.received("ModifyNetworkInterfaceAttribute").size();
        robot.clickOn("#undoPlan");
        answer(robot, ButtonType.OK);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.statusProperty().get()).startsWith("UNDONE: plan " + plan.id() + " is undone").contains("now 910,3,30");
        var modified = rig.server.received("ModifyNetworkInterfaceAttribute");
        assertThat(modified).hasSize(before + 1);
        assertThat(modified.get(before).parameter("ConnectionTrackingConfiguration.TcpEstablishedTimeout")).as("the value before the plan").isEqualTo("910");
        assertThat(modified.get(before).parameter("AccessKeyId")).isEqualTo(RealAccountRig.KEY.accessKeyId());
        assertThat(model.plans().stream().filter(p -> p.id().equals(plan.id())).findFirst().orElseThrow().status()).isEqualTo("UNDONE");
    }

    @Test
    void inChineseACloudPlanRowAndTheConfirmationBeforeItsUndoSpeakChinese(FxRobot robot) throws Exception {
        CloudPlan plan = CloudPlanner.timeouts(REGION, ENI, new ConnectionTrackingTimeouts(300, 15, 30), Optional.empty());
        assertThat(runOnProd(plan).completed()).isTrue();
        dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.CHINESE);
        try {
            JournalViewModel model = openJournal(robot);
            JournalViewModel.PlanRow row = select(robot, model, plan.id());
            assertThat(row.kind()).isEqualTo("云上计划");
            assertThat(row.profile()).isEqualTo("弹性网卡 " + ENI + " 的连接超时");
            assertThat(row.status()).isEqualTo("已完成");
            assertThat(row.detail()).isEqualTo("已完成 1/1 步");
            robot.clickOn("#undoPlan");
            DialogPane alert = robot.lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                    .filter(d -> d.getScene().getWindow().isShowing()).findFirst().orElseThrow(() -> new AssertionError("no confirmation"));
            String question = alert.getContentText();
            robot.clickOn((Button) alert.lookupButton(ButtonType.CANCEL));
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(question).contains("Profile prod", "（" + RealAccountRig.REGION + " 地域）", "经由 " + rig.endpoint());
            assertThat(dev.nettune.testing.EnglishLeft.in(List.of(question, row.profile(), row.kind(), row.status(), row.detail(),
                    model.statusProperty().get()))).isEmpty();
        } finally {
            dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
        }
    }

    @Test
    void cancellingTheConfirmationChangesNothing(FxRobot robot) throws Exception {
        CloudPlan plan = CloudPlanner.timeouts(REGION, ENI, new ConnectionTrackingTimeouts(300, 15, 30), Optional.empty());
        runOnProd(plan);
        JournalViewModel model = openJournal(robot);
        select(robot, model, plan.id());
        int before = rig.server.received().size();
        robot.clickOn("#undoPlan");
        answer(robot, ButtonType.CANCEL);
        assertThat(model.statusProperty().get()).contains("cancelled", "nothing was changed");
        assertThat(rig.server.received()).hasSize(before);
    }

    @Test
    void aPlanThatStoppedIsResumedFromTheStepThatFailed(FxRobot robot) throws Exception {
        EniSpec spec = EniSpec.of(VSwitchId.of(DemoSeed.VSWITCH_B), List.of(SecurityGroupId.of(DemoSeed.SECURITY_GROUP)));
        CloudPlan plan = CloudPlanner.secondaryEni(new CloudPlanner.SecondaryEniRequest(REGION, InstanceId.of(DemoSeed.SANDBOX_INSTANCE),
                Optional.of(spec), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), dev.nettune.cloud.EipMode.NAT, false));
        rig.server.faults().failNext(1, "AttachNetworkInterface", 403, "Forbidden.RAM", "The user is not authorized to attach.");
        CloudPlanRunner.PlanRun first = runOnProd(plan);
        assertThat(first.completed()).isFalse();
        JournalViewModel model = openJournal(robot);
        JournalViewModel.PlanRow row = select(robot, model, plan.id());
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.detail()).contains("1 of 2 steps done", "Forbidden.RAM");
        Button resume = robot.lookup("#resumeCloudPlan").queryAs(Button.class);
        assertThat(resume.isDisabled()).isFalse();
        robot.clickOn(resume);
        answer(robot, ButtonType.OK);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.statusProperty().get()).startsWith("Resume of plan " + plan.id() + " done");
        assertThat(rig.server.received("CreateNetworkInterface")).as("the ENI is not created twice").hasSize(1);
        var attaches = rig.server.received("AttachNetworkInterface");
        assertThat(attaches).extracting(c -> c.httpStatus()).containsExactly(403, 200);
        assertThat(model.plans().stream().filter(p -> p.id().equals(plan.id())).findFirst().orElseThrow().status()).isEqualTo("COMPLETE");
    }
}
