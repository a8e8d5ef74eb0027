package dev.nettune.ui.cloud;

import static dev.nettune.ui.cloud.RealAccountJourney.button;
import static dev.nettune.ui.cloud.RealAccountJourney.chooseSeedInstance;
import static dev.nettune.ui.cloud.RealAccountJourney.header;
import static dev.nettune.ui.cloud.RealAccountJourney.pickSeedSecondaryEni;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.host.UserHome;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.LocalOpenApiServer.ReceivedCall;
import dev.nettune.store.SavedHost;
import dev.nettune.testing.NamespaceSshHost;
import dev.nettune.testing.RealAccountRig;
import dev.nettune.tuning.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The production setup walked as a user clicks it on a REAL account (profile {@code prod} of a temporary
 * ~/.aliyun/config.json, the real SDK against the local OpenAPI server, which checks every signature) and REAL SSH
 * servers (Apache MINA SSHD on 127.0.0.1): the tuned host runs each request with /bin/sh inside a network namespace
 * of this machine's kernel (a 4-queue veth, overlays on /etc and /run), and two verification senders run /bin/sh on
 * this machine, one with hping3 on its PATH and one without. A veth has no RSS key or table, so the push and a passing
 * verification are the sandbox journeys' (ProductionHostStepsJourneyTest); here the preflight and the verification say
 * why they cannot pass on such a NIC. Each journey asserts what the user sees, what the
 * OpenAPI server received and what the SSH servers ran. Runs in the {@code ssh-journeys} Surefire execution (its
 * HOME, whose known_hosts it extends, is isolated); needs root for the namespace, skipped with the reason elsewhere.
 */
@ExtendWith(ApplicationExtension.class)
class ProductionSshJourneysTest {
    private static final String HOST = "prod-lab";
    private static final String SENDER = "sender-lab";
    private static final String BARE_SENDER = "bare-sender";

    @TempDir
    static Path dir;
    private static NamespaceSshHost lab;
    private static NetworkNamespace ns;
    private static Path scratch;
    private static TestSshServer host;
    private static TestSshServer sender;
    private static TestSshServer bareSender;
    private static Path key;
    private static Path knownHosts;
    private static List<String> trusted;
    private RealAccountJourney journey;
    private RealAccountRig rig;
    private CloudScreen screen;

    @BeforeAll
    static void servers() throws Exception {
        NamespaceSshHost.assumeIsolatedHome();
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/hping3")), "needs hping3 in /usr/sbin for the sender that has it");
        Path home = UserHome.path();
        lab = NamespaceSshHost.start(dir);
        ns = lab.ns;
        scratch = lab.scratch;
        host = lab.server;
        key = lab.key;
        sender = TestSshServer.start();
        sender.authorizedKeys.addAll(host.authorizedKeys);
        sender.argv = c -> List.of("/usr/bin/env", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "/bin/sh", "-c", c);
        bareSender = TestSshServer.start();
        bareSender.authorizedKeys.addAll(host.authorizedKeys);
        // The same machine without /usr/sbin on the PATH: hping3 is not there, as on a sender nobody installed it on.
        bareSender.argv = c -> List.of("/usr/bin/env", "PATH=/usr/bin:/bin", "/bin/sh", "-c", c);
        Files.createDirectories(home.resolve(".ssh"));
        knownHosts = home.resolve(".ssh/known_hosts");
        trusted = List.of(host.knownHostsLine(), sender.knownHostsLine(), bareSender.knownHostsLine());
        // Trusted as a user does after checking the fingerprints (the Hosts journey walks that dialog).
        Files.writeString(knownHosts, String.join("\n", trusted) + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (trusted != null && Files.exists(knownHosts)) {
            // Random ports come back: a stale line for one would read as a changed host key in a later run.
            Files.write(knownHosts, Files.readAllLines(knownHosts).stream().filter(l -> !trusted.contains(l)).toList());
        }
        for (AutoCloseable s : new AutoCloseable[] {sender, bareSender, lab}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Start
    void start(Stage stage) {
        journey = new RealAccountJourney(dir, stage);
        rig = journey.rig;
        for (var s : List.of(java.util.Map.entry(HOST, host), java.util.Map.entry(SENDER, sender), java.util.Map.entry(BARE_SENDER, bareSender))) {
            rig.context.hostInventory().add(new SavedHost(s.getKey(), "127.0.0.1", Optional.of("tester"), OptionalInt.of(s.getValue().port()),
                    Optional.empty(), Optional.of(key)));
        }
        screen = journey.showCloudScreen();
    }

    @AfterEach
    void close(FxRobot robot) {
        journey.close(robot);
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("waited 90 s for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void next(FxRobot robot) {
        Button next = button(robot, "Next");
        assertThat(next.isDisabled()).as("Next is enabled on " + header(robot)).isFalse();
        robot.interact(next::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses a button of a (scrolling) page as a user does after scrolling to it. */
    private static void press(FxRobot robot, String id) {
        ButtonBase b = robot.lookup(id).queryAs(ButtonBase.class);
        assertThat(b.isVisible() && !b.isDisabled()).as(id + " is shown and enabled on " + header(robot)).isTrue();
        robot.interact(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void connected() throws Exception {
        waitUntil("the account connected", () -> screen.model().sessionProperty().get() != null && !screen.model().busyProperty().get());
        assertThat(screen.model().sessionProperty().get().sandbox()).as("profile prod is a real account").isFalse();
    }

    private void openSetup(FxRobot robot) throws Exception {
        connected();
        robot.clickOn("#openProduction");
        // The setup opens once the host list is read off the FX thread: wait for its first page.
        waitUntil("the production setup opened", () -> robot.lookup("#prodRunCloud").tryQuery().isPresent());
    }

    /** On the host page: the real host and its veth. */
    private static void pickHost(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#prodHost").queryAs(ComboBox.class);
        assertThat(box.getItems()).as("the saved hosts are offered").contains(HOST, SENDER);
        robot.interact(() -> {
            box.setValue(HOST);
            robot.lookup("#prodNic").queryAs(TextField.class).setText(ns.nic);
        });
        next(robot);
    }

    /** Skips host steps until the page whose header names {@code step}. */
    private static void skipTo(FxRobot robot, String step) {
        for (int i = 0; i < 10 && !header(robot).contains(step); i++) {
            press(robot, "#prodSkip");
            next(robot);
        }
        assertThat(header(robot)).contains(step);
    }

    /** Preview, Apply, the real host's confirmation (which names the host and the step), until APPLIED. */
    private static void previewApplyConfirm(FxRobot robot, String step) throws Exception {
        press(robot, "#prodPreview");
        waitUntil("the " + step + " preview", () -> !robot.lookup("#prodApply").queryButton().isDisabled()
                || label(robot, "#prodStatus").toLowerCase().contains("fail"));
        List<Window> before = List.copyOf(Window.getWindows());
        Button apply = robot.lookup("#prodApply").queryButton();
        assertThat(apply.isDisabled()).as(label(robot, "#prodStatus")).isFalse();
        // Later on the FX thread: the confirmation opens with showAndWait.
        Platform.runLater(apply::fire);
        Window[] alert = new Window[1];
        waitUntil("the real host's confirmation", () -> {
            Window.getWindows().stream().filter(w -> !before.contains(w) && w.isShowing()).reduce((a, b) -> b).ifPresent(w -> alert[0] = w);
            return alert[0] != null;
        });
        List<Node> nodes = descendants(alert[0].getScene().getRoot());
        String said = nodes.stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).filter(t -> t != null)
                .reduce("", (a, b) -> a + " " + b);
        assertThat(said).as("the confirmation names the host and the step").contains(HOST, step);
        ButtonBase yes = nodes.stream().filter(n -> n instanceof ButtonBase b && "Apply".equals(b.getText()) && b.isVisible())
                .map(ButtonBase.class::cast).findFirst().orElseThrow(() -> new AssertionError("no Apply in the confirmation: " + said));
        Platform.runLater(yes::fire);
        waitUntil(step + " APPLIED", () -> label(robot, "#prodStatus").startsWith("APPLIED") || label(robot, "#prodStatus").contains("fail"));
        assertThat(label(robot, "#prodStatus")).startsWith("APPLIED");
    }

    private static List<Node> descendants(javafx.scene.Parent root) {
        List<Node> out = new java.util.ArrayList<>();
        List<Node> todo = new java.util.ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            out.add(n);
            if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }

    private List<ReceivedCall> calls(String action) {
        return rig.server.received(action);
    }

    /** The preflight with the named sender, pressed again after typing it (the page ran it on entering, without one). */
    private static void preflightWith(FxRobot robot, String from) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#prodSender").queryAs(ComboBox.class);
        waitUntil("the first preflight", () -> !robot.lookup("#prodPreflight").queryButton().isDisabled());
        robot.interact(() -> box.getEditor().setText(from));
        press(robot, "#prodPreflight");
        waitUntil("the preflight with " + from, () -> RealAccountJourney.preflight(robot).contains("Sender for the verification"));
    }

    @Test
    void theWholeGuidedFlowRunsOnARealAccountAndARealHost(FxRobot robot) throws Exception {
        openSetup(robot);
        assertThat(header(robot)).contains("1 of 18");
        assertThat(label(robot, "#prodAccount")).contains("a real account");
        next(robot);

        // Seed steps 1-3 and the ENI's settings: one cloud plan, reviewed and confirmed.
        chooseSeedInstance(robot);
        next(robot);
        pickSeedSecondaryEni(robot);
        next(robot);
        robot.clickOn("#eniSetTimeouts");
        @SuppressWarnings("unchecked")
        ChoiceBox<Integer> udp = robot.lookup("#udp").queryAs(ChoiceBox.class);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> rss = robot.lookup("#eniRss").queryAs(ChoiceBox.class);
        robot.interact(() -> {
            udp.setValue(100);
            rss.setValue(dev.nettune.ui.cloud.eni.SecondaryEniWizardModel.RSS_ON);
        });
        next(robot);
        assertThat(robot.lookup("#rulePorts").queryAs(TextField.class).getText()).as("the seed's rule is offered").isEqualTo("8000/9000");
        next(robot);
        robot.clickOn("#eniBindEip");
        WaitForAsyncUtils.waitForFxEvents();
        next(robot); // the seed's binding: the EIP to the instance, NAT mode
        assertThat(header(robot)).contains("Review");
        String plan = robot.lookup(".cloud-plan").queryAs(TextArea.class).getText();
        assertThat(plan).contains("AttachNetworkInterface", "AuthorizeSecurityGroup", "AssociateEipAddress", "EnhancedNetwork.EnableRss");
        CheckBox interruption = robot.lookup("#acceptInterruptions").queryAs(CheckBox.class);
        if (interruption.isVisible()) {
            robot.interact(interruption::fire);
        }
        CheckBox confirm = robot.lookup("#confirmRealAccount").queryAs(CheckBox.class);
        assertThat(confirm.getText()).contains("real account", rig.endpoint());
        assertThat(button(robot, "Next").isDisabled()).as("not confirmed yet").isTrue();
        robot.interact(confirm::fire);
        next(robot);
        waitUntil("the cloud plan", () -> robot.lookup("#runStatus").tryQueryAs(Label.class).map(l -> l.getText().startsWith("Done")
                || l.getText().startsWith("F")).orElse(false));
        assertThat(label(robot, "#runStatus")).startsWith("Done");

        assertThat(calls("AttachNetworkInterface")).singleElement().satisfies(c -> {
            assertThat(c.parameter("InstanceId")).isEqualTo(DemoSeed.SANDBOX_INSTANCE);
            assertThat(c.parameter("NetworkInterfaceId")).isEqualTo(DemoSeed.SECONDARY_ENI);
            assertThat(c.parameter("AccessKeyId")).as("signed with the profile's key").isEqualTo(RealAccountRig.KEY.accessKeyId());
        });
        assertThat(calls("AuthorizeSecurityGroup")).singleElement().satisfies(c -> {
            assertThat(c.parameter("SecurityGroupId")).isEqualTo(DemoSeed.SECURITY_GROUP);
            assertThat(c.parameter("IpProtocol")).isEqualToIgnoringCase("tcp");
            assertThat(c.parameter("PortRange")).isEqualTo("8000/9000");
            assertThat(c.parameter("SourceCidrIp")).isEqualTo("10.0.0.0/8");
        });
        assertThat(calls("AssociateEipAddress")).singleElement().satisfies(c -> {
            assertThat(c.parameter("AllocationId")).isEqualTo(DemoSeed.EIP);
            assertThat(c.parameter("InstanceId")).isEqualTo(DemoSeed.SANDBOX_INSTANCE);
            assertThat(c.parameter("Mode")).isEqualTo("NAT");
        });
        assertThat(calls("ModifyNetworkInterfaceAttribute")).anySatisfy(c -> {
            assertThat(c.parameter("NetworkInterfaceId")).isEqualTo(DemoSeed.SECONDARY_ENI);
            assertThat(c.parameter("ConnectionTrackingConfiguration.UdpTimeout")).isEqualTo("100");
        }).anySatisfy(c -> assertThat(c.parameter("EnhancedNetwork.EnableRss")).isEqualTo("true"));
        next(robot);

        // The host part on the real SSH server.
        pickHost(robot);
        assertThat(header(robot)).contains("TIME-WAIT");
        previewApplyConfirm(robot, "TCP TIME-WAIT");
        assertThat(label(robot, "#prodReadBack")).contains("net.ipv4.tcp_fin_timeout = 15");
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_fin_timeout")).isEqualTo("15");
        assertThat(host.execRequests).anyMatch(c -> c.contains("sysctl -w net.ipv4.tcp_fin_timeout=15"));
        next(robot);

        // SMC would load a module into the kernel this test shares with the machine: skipped.
        press(robot, "#prodSkip");
        next(robot);
        // A veth has no combined channels or queue IRQs: skipped.
        assertThat(header(robot)).contains("IRQ");
        press(robot, "#prodSkip");
        next(robot);
        assertThat(header(robot)).contains("XPS");
        robot.interact(() -> robot.lookup("#prodXpsCpus").queryAs(TextField.class).setText("0; 1"));
        previewApplyConfirm(robot, "XPS");
        assertThat(ns.inside("cat", "/sys/class/net/" + ns.nic + "/queues/tx-0/xps_cpus")).isEqualTo("1");
        assertThat(ns.inside("cat", "/sys/class/net/" + ns.nic + "/queues/tx-1/xps_cpus")).isEqualTo("2");
        next(robot);

        // No NetworkManager in the namespace: skipped.
        skipTo(robot, "RSS key");
        preflightWith(robot, SENDER);
        String preflight = RealAccountJourney.preflight(robot);
        assertThat(preflight).contains("ok    Sender for the verification: hping3 on " + SENDER + ": hping3 is installed on " + SENDER);
        assertThat(preflight).as("a veth shows no RSS key or table: the preflight says so and nothing is pushed")
                .contains("FAIL  Key and table read back");
        assertThat(sender.execRequests).anyMatch(c -> c.contains("command -v hping3"));
        assertThat(robot.lookup("#prodPreview").queryButton().isDisabled()).as("Preview waits for a passed preflight").isTrue();
        press(robot, "#prodSkip");
        next(robot);
        assertThat(header(robot)).contains("verify RSS");
        @SuppressWarnings("unchecked")
        ComboBox<String> verifySender = robot.lookup("#prodVerifySender").queryAs(ComboBox.class);
        assertThat(verifySender.getEditor().getText()).as("the sender the preflight checked").isEqualTo(SENDER);
        press(robot, "#prodSkip");
        next(robot);

        // Seed step 8: persistence of what was applied (the boot re-apply would call systemd, which the namespace lacks).
        assertThat(header(robot)).contains("persistence");
        robot.interact(() -> descendants(robot.lookup("#prodPreview").query().getScene().getRoot()).stream()
                .filter(n -> n instanceof CheckBox c && List.of("prodPersistSmc", "prodPersistNm", "prodPersistReapply").contains(c.getId()))
                .forEach(n -> ((CheckBox) n).setSelected(false)));
        previewApplyConfirm(robot, "Persistence");
        assertThat(Files.readString(scratch.resolve("eu/sysctl.d/99-network-tuning.conf"))).contains("net.ipv4.tcp_fin_timeout = 15");
        next(robot);

        assertThat(header(robot)).contains("18 of 18");
        assertThat(label(robot, "#prodFinishProgress")).contains("Cloud (ENI, rule, EIP, timeouts, RSS): done, plan", "TCP TIME-WAIT: applied",
                "SMC acceleration: skipped", "XPS per TX queue: applied", "Persistence across reboot and re-attach: applied");
    }

    @Test
    void thePreflightNamesTheInstallCommandWhenTheSenderHasNoHping3(FxRobot robot) throws Exception {
        openSetup(robot);
        robot.clickOn("#prodRunCloud");
        next(robot);
        pickHost(robot);
        skipTo(robot, "RSS key");

        preflightWith(robot, BARE_SENDER);

        assertThat(RealAccountJourney.preflight(robot)).contains("FAIL  Sender for the verification: hping3 on " + BARE_SENDER
                + ": hping3 is not installed on " + BARE_SENDER + ". Install it with").contains("apt-get install -y hping3");
        assertThat(RealAccountJourney.preflightLines(robot)).filteredOn(l -> l.getText().startsWith("FAIL"))
                .allSatisfy(l -> assertThat(l.getStyleClass()).contains("danger"));
        assertThat(bareSender.execRequests).anyMatch(c -> c.contains("command -v hping3"));
        assertThat(robot.lookup("#prodPreview").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aResumedSetupKeepsTheVerificationSender(FxRobot robot) throws Exception {
        openSetup(robot);
        robot.clickOn("#prodRunCloud");
        next(robot);
        pickHost(robot);
        skipTo(robot, "RSS key");
        preflightWith(robot, SENDER);
        press(robot, "#prodSkip");
        // Left here: the wizard is closed as a user closes it.
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != journey.stage()).forEach(Window::hide));
        WaitForAsyncUtils.waitForFxEvents();

        openSetup(robot);
        assertThat(label(robot, "#prodResumeNote")).contains("left unfinished", HOST);
        press(robot, "#prodResume");
        next(robot);
        assertThat(robot.lookup("#prodHost").queryAs(ComboBox.class).getValue()).isEqualTo(HOST);
        next(robot);
        for (int i = 0; i < 6 && !header(robot).contains("RSS key"); i++) {
            next(robot); // done or skipped before
        }
        assertThat(header(robot)).contains("RSS key");
        @SuppressWarnings("unchecked")
        ComboBox<String> rssSender = robot.lookup("#prodSender").queryAs(ComboBox.class);
        assertThat(rssSender.getEditor().getText()).isEqualTo(SENDER);
        next(robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> verifySender = robot.lookup("#prodVerifySender").queryAs(ComboBox.class);
        assertThat(verifySender.getEditor().getText()).isEqualTo(SENDER);
    }

    @Test
    void verifyingANicWithoutRssOnARealHostSendsNothingAndTheSummaryIsNotVerified(FxRobot robot) throws Exception {
        openSetup(robot);
        robot.clickOn("#prodRunCloud");
        next(robot);
        pickHost(robot);
        skipTo(robot, "verify RSS");
        @SuppressWarnings("unchecked")
        ComboBox<String> from = robot.lookup("#prodVerifySender").queryAs(ComboBox.class);
        robot.interact(() -> from.getEditor().setText(SENDER));
        int sentBefore = sender.execRequests.size();

        press(robot, "#prodVerifyRun");
        waitUntil("a verdict", () -> !label(robot, "#prodVerdict").startsWith("Running") && !label(robot, "#prodVerdict").isEmpty());

        assertThat(label(robot, "#prodVerdict")).isEqualTo("COULD NOT RUN");
        assertThat(label(robot, "#prodVerifyStatus")).startsWith("Not verified: the verification could not run. ").hasSizeGreaterThan(50);
        assertThat(sender.execRequests.subList(sentBefore, sender.execRequests.size())).as("no burst left the sender")
                .noneMatch(c -> c.contains("hping3 ") && !c.contains("command -v"));
        next(robot);
        press(robot, "#prodSkip");
        next(robot);
        assertThat(header(robot)).contains("NOT verified");
        assertThat(robot.lookup("#prodUnverified").queryAs(Label.class).isVisible()).isTrue();
    }
}
