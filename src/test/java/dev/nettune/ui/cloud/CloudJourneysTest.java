package dev.nettune.ui.cloud;

import static dev.nettune.ui.cloud.RealAccountJourney.button;
import static dev.nettune.ui.cloud.RealAccountJourney.chooseSeedInstance;
import static dev.nettune.ui.cloud.RealAccountJourney.header;
import static dev.nettune.ui.cloud.RealAccountJourney.pickSeedSecondaryEni;
import static dev.nettune.ui.cloud.RealAccountJourney.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.cloud.EipMode;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.RegionId;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.LocalOpenApiServer.ReceivedCall;
import dev.nettune.testing.RealAccountRig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
 * The seed's cloud steps walked through the Cloud screen as a user would, on a REAL (non-sandbox) account:
 * profile {@code prod} of a temporary ~/.aliyun/config.json pointing at the local OpenAPI server (real SDK,
 * signatures checked). Each journey asserts what the user sees and what the server received.
 */
@ExtendWith(ApplicationExtension.class)
class CloudJourneysTest {
    @TempDir
    static Path dir;
    private RealAccountJourney journey;
    private RealAccountRig rig;
    private CloudScreen screen;

    @Start
    void start(Stage stage) {
        journey = new RealAccountJourney(dir, stage);
        rig = journey.rig;
        screen = journey.showCloudScreen();
    }

    @AfterEach
    void close(FxRobot robot) {
        journey.close(robot);
    }

    private void connected() throws Exception {
        waitUntil(() -> screen.model().sessionProperty().get() != null && !screen.model().busyProperty().get());
        assertThat(screen.model().sessionProperty().get().sandbox()).as("profile prod is a real account").isFalse();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Review page on a real account: Next stays disabled until the user confirms, then the plan runs to Done. */
    private void confirmAndRun(FxRobot robot) throws Exception {
        assertThat(header(robot)).contains("Review");
        CheckBox confirm = robot.lookup("#confirmRealAccount").queryAs(CheckBox.class);
        assertThat(confirm.isVisible()).isTrue();
        assertThat(confirm.getText()).contains("real account", rig.endpoint());
        assertThat(button(robot, "Next").isDisabled()).as("not confirmed yet").isTrue();
        robot.clickOn(confirm);
        WaitForAsyncUtils.waitForFxEvents();
        next(robot);
        waitUntil(() -> robot.lookup("#runStatus").tryQueryAs(Label.class).map(l -> l.getText().startsWith("Done") || l.getText().startsWith("F"))
                .orElse(false));
        assertThat(robot.lookup("#runStatus").queryAs(Label.class).getText()).startsWith("Done").contains("Journal");
    }

    private List<ReceivedCall> calls(String action) {
        return rig.server.received(action);
    }

    private NetworkInterface eni(String id) {
        return screen.model().sessionProperty().get().api().describeNetworkInterface(RegionId.of(RealAccountRig.REGION), NetworkInterfaceId.of(id)).orElseThrow();
    }

    /** Opens the secondary-ENI wizard on the sandbox instance and walks to the settings page with the ENI picked or created. */
    private void openSecondaryEni(FxRobot robot, boolean createNew) {
        robot.clickOn("#openSecondaryEni");
        WaitForAsyncUtils.waitForFxEvents();
        chooseSeedInstance(robot);
        next(robot);
        if (!createNew) {
            pickSeedSecondaryEni(robot);
        }
        next(robot);
    }

    private void untickRule(FxRobot robot) {
        CheckBox addRule = robot.lookup("#eniAddRule").queryAs(CheckBox.class);
        if (addRule.isSelected()) {
            robot.clickOn(addRule);
        }
    }

    @Test
    void createAndAttachASecondaryEni(FxRobot robot) throws Exception {
        connected();
        openSecondaryEni(robot, true);
        next(robot); // settings: timeouts and RSS left as they are
        untickRule(robot);
        next(robot);
        next(robot); // no EIP
        String plan = robot.lookup(".cloud-plan").queryAs(TextArea.class).getText();
        assertThat(plan).contains("aliyun ecs CreateNetworkInterface", "aliyun ecs AttachNetworkInterface");
        confirmAndRun(robot);
        List<ReceivedCall> created = calls("CreateNetworkInterface");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).parameter("VSwitchId")).isEqualTo(DemoSeed.VSWITCH_B);
        assertThat(created.get(0).parameter("AccessKeyId")).isEqualTo(RealAccountRig.KEY.accessKeyId());
        List<ReceivedCall> attached = calls("AttachNetworkInterface");
        assertThat(attached).hasSize(1);
        assertThat(attached.get(0).parameter("InstanceId")).isEqualTo(DemoSeed.SANDBOX_INSTANCE);
        assertThat(eni(attached.get(0).parameter("NetworkInterfaceId")).status()).isEqualTo("InUse");
        assertThat(robot.lookup("#runLog .scroll-bar").queryAllAs(javafx.scene.control.ScrollBar.class).stream()
                .filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible()))
                .as("the run log's lines (IDs, whole aliyun commands) wrap: nothing to scroll sideways for").isEmpty();
    }

    @Test
    void allowInboundPortsInTheSecurityGroup(FxRobot robot) throws Exception {
        connected();
        openSecondaryEni(robot, false);
        next(robot);
        robot.interact(() -> {
            robot.lookup("#rulePorts").queryAs(TextField.class).setText("9000/8000");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = robot.lookup("#ruleProblem").queryAs(Label.class);
        assertThat(problem.getText()).as("a backwards range is refused as typed").contains("9000/8000");
        assertThat(button(robot, "Next").isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#rulePorts").queryAs(TextField.class).setText("8000/9000"));
        WaitForAsyncUtils.waitForFxEvents();
        next(robot);
        next(robot); // no EIP
        confirmAndRun(robot);
        List<ReceivedCall> rules = calls("AuthorizeSecurityGroup");
        assertThat(rules).hasSize(1);
        ReceivedCall rule = rules.get(0);
        assertThat(rule.parameter("SecurityGroupId")).isEqualTo(DemoSeed.SECURITY_GROUP);
        assertThat(rule.parameter("IpProtocol")).isEqualToIgnoringCase("tcp");
        assertThat(rule.parameter("PortRange")).isEqualTo("8000/9000");
        assertThat(rule.parameter("SourceCidrIp")).isEqualTo("10.0.0.0/8");
    }

    @Test
    void bindTheEipToTheSecondaryEniInMultiBindedMode(FxRobot robot) throws Exception {
        connected();
        openSecondaryEni(robot, false);
        next(robot);
        untickRule(robot);
        next(robot);
        robot.clickOn("#eniBindEip");
        RadioButton toEni = robot.lookup(".radio-button").queryAllAs(RadioButton.class).stream().filter(r -> "the secondary ENI".equals(r.getText()))
                .findFirst().orElseThrow();
        robot.clickOn(toEni);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ChoiceBox<EipMode> mode = robot.lookup("#eipMode").queryAs(ChoiceBox.class);
        assertThat(mode.getItems()).as("an ENI offers every mode").containsExactly(EipMode.values());
        assertThat(mode.getValue()).as("NAT stays chosen").isEqualTo(EipMode.NAT);
        robot.clickOn(mode);
        robot.clickOn(EipMode.MULTI_BINDED.toString());
        WaitForAsyncUtils.waitForFxEvents();
        next(robot);
        assertThat(header(robot)).as("Next goes to Review, not past it").contains("Review");
        assertThat(robot.lookup(".cloud-plan").queryAs(TextArea.class).getText()).contains("AssociateEipAddress", "MULTI_BINDED");
        confirmAndRun(robot);
        List<ReceivedCall> associated = calls("AssociateEipAddress");
        assertThat(associated).hasSize(1);
        assertThat(associated.get(0).parameter("AllocationId")).isEqualTo(DemoSeed.EIP);
        assertThat(associated.get(0).parameter("InstanceId")).isEqualTo(DemoSeed.SECONDARY_ENI);
        assertThat(associated.get(0).parameter("InstanceType")).isEqualTo("NetworkInterface");
        assertThat(associated.get(0).parameter("Mode")).isEqualTo("MULTI_BINDED");
    }

    private void selectEni(FxRobot robot, String id) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<NetworkInterface> enis = robot.lookup("#cloudEnis").queryAs(TableView.class);
        robot.interact(() -> enis.getItems().stream().filter(n -> n.id().value().equals(id)).findFirst().ifPresent(n -> enis.getSelectionModel().select(n)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void setTheConnectionTrackingTimeoutsOfAnEni(FxRobot robot) throws Exception {
        connected();
        selectEni(robot, DemoSeed.SECONDARY_ENI);
        robot.clickOn("#openTimeouts");
        waitUntil(() -> robot.lookup("#currentTimeouts").tryQueryAs(Label.class).map(l -> l.getText().contains("910")).orElse(false));
        robot.clickOn("#tcpEstablished");
        robot.clickOn("300");
        WaitForAsyncUtils.waitForFxEvents();
        next(robot);
        confirmAndRun(robot);
        List<ReceivedCall> modified = calls("ModifyNetworkInterfaceAttribute");
        assertThat(modified).hasSize(1);
        assertThat(modified.get(0).parameter("NetworkInterfaceId")).isEqualTo(DemoSeed.SECONDARY_ENI);
        assertThat(modified.get(0).parameter("ConnectionTrackingConfiguration.TcpEstablishedTimeout")).isEqualTo("300");
        assertThat(modified.get(0).parameter("ConnectionTrackingConfiguration.UdpTimeout")).isEqualTo("30");
    }

    @Test
    void enableCustomRssOnTheInstancesEniAfterThePreflight(FxRobot robot) throws Exception {
        connected();
        selectEni(robot, DemoSeed.SANDBOX_PRIMARY_ENI);
        robot.clickOn("#openRss");
        waitUntil(() -> !robot.lookup("#rssChecks").queryAs(javafx.scene.control.ListView.class).getItems().isEmpty());
        assertThat(calls("DescribeInstanceTypes")).as("preflight asked for RssSupport of the instance's type")
                .anySatisfy(c -> assertThat(c.parameter("InstanceTypes.1")).isEqualTo("ecs.g9i.xlarge"));
        next(robot);
        String plan = robot.lookup(".cloud-plan").queryAs(TextArea.class).getText();
        assertThat(plan).contains("EnhancedNetwork.EnableRss");
        CheckBox interruption = robot.lookup("#acceptInterruptions").queryAs(CheckBox.class);
        if (interruption.isVisible()) {
            robot.clickOn(interruption);
        }
        confirmAndRun(robot);
        assertThat(calls("ModifyNetworkInterfaceAttribute")).anySatisfy(c -> {
            assertThat(c.parameter("NetworkInterfaceId")).isEqualTo(DemoSeed.SANDBOX_PRIMARY_ENI);
            assertThat(c.parameter("EnhancedNetwork.EnableRss")).isEqualTo("true");
        });
    }

    /**
     * The whole guided flow on the real account: the cloud part (existing secondary ENI, timeouts, the seed's rule)
     * as one confirmed plan, then the host part on the sandbox host (TIME-WAIT applied and read back, the rest
     * skipped), to the summary.
     */
    @Test
    void setUpAnInstanceForProductionEndToEnd(FxRobot robot) throws Exception {
        connected();
        robot.clickOn("#openProduction");
        // The setup opens once the host list is read off the FX thread: wait for its first page, not one FX pulse.
        waitUntil(() -> robot.lookup("#prodRunCloud").tryQuery().isPresent());
        assertThat(header(robot)).contains("1 of 18");
        assertThat(robot.lookup("#prodAccount").queryAs(Label.class).getText()).contains("a real account");
        next(robot);
        chooseSeedInstance(robot);
        next(robot);
        pickSeedSecondaryEni(robot);
        next(robot);
        robot.clickOn("#eniSetTimeouts");
        @SuppressWarnings("unchecked")
        ChoiceBox<Integer> udp = robot.lookup("#udp").queryAs(ChoiceBox.class);
        robot.interact(() -> udp.setValue(100));
        next(robot);
        next(robot); // the seed's rule: tcp 8000/9000 from 10.0.0.0/8
        next(robot); // no EIP
        assertThat(robot.lookup(".cloud-plan").queryAs(TextArea.class).getText()).contains("AttachNetworkInterface", "AuthorizeSecurityGroup");
        confirmAndRun(robot);
        assertThat(calls("AttachNetworkInterface")).anySatisfy(c -> assertThat(c.parameter("InstanceId")).isEqualTo(DemoSeed.SANDBOX_INSTANCE));
        assertThat(calls("AuthorizeSecurityGroup")).anySatisfy(c -> assertThat(c.parameter("PortRange")).isEqualTo("8000/9000"));
        assertThat(calls("ModifyNetworkInterfaceAttribute")).anySatisfy(c -> assertThat(c.parameter("ConnectionTrackingConfiguration.UdpTimeout"))
                .isEqualTo("100"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> log = robot.lookup("#runLog").queryAs(javafx.scene.control.ListView.class);
        assertThat(log.getItems()).as("the run log prints the values now in effect").anyMatch(l -> l.contains("now 910,3,100"))
                .noneMatch(l -> l.matches("ok Step \\d+: 910,3,30"));
        next(robot);

        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> host = robot.lookup("#prodHost").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> host.setValue("sandbox"));
        next(robot);
        assertThat(header(robot)).contains("TIME-WAIT");
        assertThat(button(robot, "Next").isDisabled()).as("a step is applied or skipped before moving on").isTrue();
        robot.clickOn("#prodPreview");
        waitUntil(() -> !robot.lookup("#prodApply").queryButton().isDisabled());
        assertThat(robot.lookup("#prodPreviewText").queryAs(TextArea.class).getText()).contains("sudo sysctl -w net.ipv4.tcp_fin_timeout=15");
        robot.clickOn("#prodApply");
        waitUntil(() -> robot.lookup("#prodStatus").queryAs(Label.class).getText().startsWith("APPLIED"));
        assertThat(robot.lookup("#prodReadBack").queryAs(Label.class).getText()).contains("net.ipv4.tcp_fin_timeout = 15");
        assertThat(rig.context.sandboxInstance().sysctlValue("net.ipv4.tcp_fin_timeout")).contains("15");
        next(robot);
        for (String step : List.of("SMC", "channels", "XPS", "NetworkManager", "RSS", "verify", "persistence")) {
            assertThat(header(robot)).containsIgnoringCase(step);
            // Fired as a user presses it after scrolling: the RSS page (preflight, form, panel) is taller than the dialog.
            javafx.scene.control.ButtonBase skip = robot.lookup("#prodSkip").queryAs(javafx.scene.control.ButtonBase.class);
            robot.interact(skip::fire);
            WaitForAsyncUtils.waitForFxEvents();
            next(robot);
        }
        assertThat(header(robot)).contains("18 of 18");
        assertThat(robot.lookup("#prodFinishProgress").queryAs(Label.class).getText()).contains("Cloud (ENI, rule, EIP, timeouts, RSS): done, plan",
                "TCP TIME-WAIT: applied, plan", "SMC acceleration: skipped");
    }
}
