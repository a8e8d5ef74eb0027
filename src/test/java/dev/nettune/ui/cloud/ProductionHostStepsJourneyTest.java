package dev.nettune.ui.cloud;

import static dev.nettune.ui.cloud.RealAccountJourney.button;
import static dev.nettune.ui.cloud.RealAccountJourney.header;
import static dev.nettune.ui.cloud.RealAccountJourney.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.linux.ProcInterrupts;
import dev.nettune.linux.QueueIrq;
import dev.nettune.linux.QueueIrqs;
import dev.nettune.rss.RssKey;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.testing.RealAccountRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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

/**
 * The production setup's host steps walked as a user clicks them, on the sandbox host (the Cloud screen on a real
 * account, its cloud part unticked): SMC, NetworkManager, IRQ affinity, and RSS with its preflight, push and
 * verification with traffic (PASS; FAIL with its cause, the confirmed re-push, PASS again; the summary that does not
 * read as a success). Each journey asserts what the host holds afterwards, read from the host itself.
 */
@ExtendWith(ApplicationExtension.class)
class ProductionHostStepsJourneyTest {
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

    private SandboxInstance sandbox() {
        return rig.context.sandboxInstance();
    }

    private String onSandbox(String program, String... args) throws Exception {
        return sandbox().run(Command.of(program, args), Duration.ofSeconds(5)).stdout().strip();
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited 90 s for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Presses a button of the page as a user does after scrolling to it: a step page scrolls (its preview and read-back make
     * it taller than the dialog), and a robot click lands on whatever covers the node's screen position.
     */
    private static void press(FxRobot robot, String id) {
        ButtonBase b = robot.lookup(id).queryAs(ButtonBase.class);
        assertThat(b.isVisible() && !b.isDisabled()).as(id + " is shown and enabled").isTrue();
        robot.interact(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Opens the production setup, leaves the cloud part out, picks the sandbox host, and skips the steps before {@code step}. */
    private void walkTo(FxRobot robot, String step) throws Exception {
        waitUntil("the account connected", () -> screen.model().sessionProperty().get() != null && !screen.model().busyProperty().get());
        robot.clickOn("#openProduction");
        // The setup opens once the host list is read off the FX thread: wait for its first page, not one FX pulse.
        waitUntil("the production setup opened", () -> robot.lookup("#prodRunCloud").tryQuery().isPresent());
        CheckBox runCloud = robot.lookup("#prodRunCloud").queryAs(CheckBox.class);
        if (runCloud.isSelected()) {
            robot.clickOn(runCloud);
        }
        next(robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> host = robot.lookup("#prodHost").queryAs(ComboBox.class);
        robot.interact(() -> host.setValue("sandbox"));
        next(robot);
        for (int i = 0; i < 10 && !header(robot).contains(step); i++) {
            press(robot, "#prodSkip");
            next(robot);
        }
        assertThat(header(robot)).contains(step);
        assertThat(button(robot, "Next").isDisabled()).as("a step is applied or skipped before moving on").isTrue();
    }

    /** Preview, then Apply (the sandbox asks no confirmation), until the status says APPLIED. */
    private void previewAndApply(FxRobot robot) throws Exception {
        press(robot, "#prodPreview");
        waitUntil("the preview", () -> !robot.lookup("#prodApply").queryButton().isDisabled()
                || !robot.lookup("#prodStatus").queryAs(Label.class).getText().startsWith("Reading"));
        assertThat(robot.lookup("#prodApply").queryButton().isDisabled()).as(label(robot, "#prodStatus")).isFalse();
        press(robot, "#prodApply");
        waitUntil("APPLIED", () -> label(robot, "#prodStatus").startsWith("APPLIED") || label(robot, "#prodStatus").contains("fail"));
        assertThat(label(robot, "#prodStatus")).startsWith("APPLIED");
    }

    @Test
    void smcLoadsTheModuleOnTheHostAndReadsBackWhatThisKernelHas(FxRobot robot) throws Exception {
        walkTo(robot, "SMC");
        assertThat(robot.lookup("#prodSmcEnabled").queryAs(CheckBox.class).isSelected()).isTrue();
        // The sysctl's name is shown as written: its underscore is not taken for a keyboard mnemonic ("smcenabled").
        assertThat(((javafx.scene.text.Text) robot.lookup("#prodSmcEnabled").queryAs(CheckBox.class).lookup(".text")).getText())
                .startsWith("net.smc.smc_enabled = 1");
        assertThat(((javafx.scene.text.Text) robot.lookup("#prodSmcRdma").queryAs(CheckBox.class).lookup(".text")).getText())
                .startsWith("net.smc.smc_rdma_enabled = 1");

        previewAndApply(robot);

        assertThat(onSandbox("cat", "/proc/modules")).contains("smc ");
        // The sandbox runs 5.10, whose smc module has no net.smc sysctls yet: read back as not available, not as failed.
        assertThat(sandbox().sysctlValue("net.smc.smc_enabled")).isEmpty();
        assertThat(label(robot, "#prodReadBack")).contains("module loaded; net.smc.smc_enabled=n/a").contains("[applied]")
                .contains("net.smc.smc_enabled, net.smc.smc_rdma_enabled: not in this kernel (5.10), skipped.");
        next(robot);
        assertThat(header(robot)).contains("IRQ");
    }

    @Test
    void networkManagerLeavesTheNicAloneAfterApply(FxRobot robot) throws Exception {
        walkTo(robot, "NetworkManager");
        assertThat(onSandbox("nmcli", "-t", "-f", "DEVICE,STATE", "device")).contains("eth1:connected");

        previewAndApply(robot);

        assertThat(onSandbox("nmcli", "-t", "-f", "DEVICE,STATE", "device")).contains("eth1:unmanaged");
        assertThat(label(robot, "#prodReadBack")).contains("eth1");
    }

    @Test
    void irqAffinityPinsTheNicsQueueInterruptsAndBansThemFromIrqbalance(FxRobot robot) throws Exception {
        // The user reads the NIC's queue IRQs from /proc/interrupts (virtio: the device's input.N lines).
        String device = Path.of(onSandbox("readlink", "/sys/class/net/eth1/device")).getFileName().toString();
        List<QueueIrq> irqs = QueueIrqs.find(ProcInterrupts.parse(onSandbox("cat", "/proc/interrupts")), "virtio_net", "eth1", "",
                Optional.of(device)).stream().filter(q -> q.direction() == QueueIrq.Direction.RX).toList();
        int rx0 = irqs.get(0).irq();
        int rx1 = irqs.get(1).irq();
        walkTo(robot, "IRQ");

        robot.interact(() -> robot.lookup("#prodIrqAffinity").queryAs(TextField.class).setText(rx0 + "=3; " + rx1 + "=2"));
        assertThat(robot.lookup("#prodIrqBan").queryAs(CheckBox.class).isSelected()).isTrue();
        previewAndApply(robot);

        assertThat(onSandbox("cat", "/proc/irq/" + rx0 + "/smp_affinity_list")).isEqualTo("3");
        assertThat(onSandbox("cat", "/proc/irq/" + rx1 + "/smp_affinity_list")).isEqualTo("2");
        assertThat(label(robot, "#prodReadBack")).contains("IRQ " + rx0, "IRQ " + rx1);
    }

    @Test
    void rssPreflightThenPushThenVerifyPasses(FxRobot robot) throws Exception {
        walkTo(robot, "RSS key");
        waitUntil("the preflight", () -> RealAccountJourney.preflight(robot).contains("Sender for the verification"));
        assertThat(RealAccountJourney.preflight(robot)).contains("ok    NIC exists: eth1", "ok    Driver: virtio_net",
                "ok    Key and table read back", "ok    Sender for the verification: ");
        String key = RssKey.random(40).toColonHex();
        robot.interact(() -> {
            robot.lookup("#prodRssKey").queryAs(TextField.class).setText(key);
            robot.lookup("#prodRssTable").queryAs(TextField.class).setText("equal 2");
        });

        previewAndApply(robot);

        assertThat(sandbox().rssKey("eth1").toColonHex()).isEqualTo(key);
        assertThat(sandbox().indirectionTable("eth1").entries()).containsOnly(0, 1);
        assertThat(label(robot, "#prodReadBack")).contains("RSS hash key of eth1 = " + key);
        next(robot);
        assertThat(header(robot)).contains("verify RSS with traffic");
        assertThat(button(robot, "Next").isDisabled()).as("verified or skipped before moving on").isTrue();

        press(robot, "#prodVerifyRun");
        waitUntil("a verdict", () -> !robot.lookup("#prodVerdict").queryAs(Label.class).getText().startsWith("Running")
                && !label(robot, "#prodVerdict").isEmpty());

        assertThat(label(robot, "#prodVerdict")).startsWith("PASS").contains("false-pass probability");
        assertThat(robot.lookup("#prodVerifyDetail").queryAs(TextArea.class).getText()).contains("burst for queue 0", "burst for queue 1");
        assertThat(robot.lookup("#prodRepush").queryButton().isVisible()).isFalse();
        next(robot);
        assertThat(header(robot)).contains("persistence");
    }

    @Test
    void aFailedPreflightColoursOnlyItsFailingLineRedAndTheChecksThatHoldGreen(FxRobot robot) throws Exception {
        walkTo(robot, "RSS key");
        waitUntil("the first preflight", () -> RealAccountJourney.preflight(robot).contains("Sender for the verification"));
        @SuppressWarnings("unchecked")
        ComboBox<String> sender = robot.lookup("#prodSender").queryAs(ComboBox.class);
        robot.interact(() -> sender.getEditor().setText("no-such-sender"));

        press(robot, "#prodPreflight");
        waitUntil("the preflight with an unknown sender", () -> RealAccountJourney.preflight(robot).contains("FAIL"));

        List<Label> lines = RealAccountJourney.preflightLines(robot);
        assertThat(lines).filteredOn(l -> l.getText().startsWith("FAIL")).singleElement()
                .satisfies(l -> assertThat(l.getText()).contains("Sender for the verification", "no-such-sender"))
                .satisfies(l -> assertThat(l.getStyleClass()).contains("danger").doesNotContain("success"));
        assertThat(lines).filteredOn(l -> l.getText().startsWith("ok ")).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(l -> assertThat(l.getStyleClass()).contains("success").doesNotContain("danger"));
        assertThat(lines).filteredOn(l -> !l.getText().startsWith("ok ") && !l.getText().startsWith("FAIL"))
                .as("what to do next is plain text").allSatisfy(l -> assertThat(l.getStyleClass()).doesNotContain("danger", "success"));
        assertThat(robot.lookup("#prodPreview").queryButton().isDisabled()).as("Preview waits for a passed preflight").isTrue();
    }

    @Test
    void aSkippedVerificationEndsOnAWarningNotOnDone(FxRobot robot) throws Exception {
        walkTo(robot, "verify RSS");
        press(robot, "#prodSkip");
        next(robot);
        press(robot, "#prodSkip");
        next(robot);

        assertThat(header(robot)).endsWith("Done, RSS verification skipped");
        Label warning = robot.lookup("#prodUnverified").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).startsWith("RSS verification was skipped");
        assertThat(warning.getStyleClass()).contains("warning").doesNotContain("danger");
    }

    @Test
    void aFailedVerificationNamesTheCauseRepushesOnConfirmAndTheSummaryDoesNotReadAsSuccess(FxRobot robot) throws Exception {
        sandbox().faults().rssInactiveUntilFirstSet(true);
        sandbox().reboot();
        walkTo(robot, "RSS key");
        press(robot, "#prodSkip");
        next(robot);

        press(robot, "#prodVerifyRun");
        waitUntil("a verdict", () -> !label(robot, "#prodVerdict").startsWith("Running") && !label(robot, "#prodVerdict").isEmpty());
        assertThat(label(robot, "#prodVerdict")).startsWith("FAIL: RSS not active").contains("false-pass probability");
        assertThat(label(robot, "#prodAdvice")).contains("Push the key and table again");
        assertThat(robot.lookup("#prodVerdict").queryAs(Label.class).getStyleClass()).contains("danger");

        // The FAIL lets the user move on, but the summary says the setup is not verified.
        next(robot);
        press(robot, "#prodSkip");
        next(robot);
        assertThat(header(robot)).contains("NOT verified");
        assertThat(robot.lookup("#prodUnverified").queryAs(Label.class).isVisible()).isTrue();
        assertThat(label(robot, "#prodFinishProgress")).contains("Verify RSS with traffic: FAIL: RSS not active");
        robot.clickOn(button(robot, "Previous"));
        robot.clickOn(button(robot, "Previous"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(header(robot)).contains("verify RSS");

        List<Window> before = List.copyOf(Window.getWindows());
        Button repush = robot.lookup("#prodRepush").queryButton();
        assertThat(repush.isVisible()).isTrue();
        press(robot, "#prodRepush");
        waitUntil("the re-push confirmation", () -> Window.getWindows().stream().anyMatch(w -> !before.contains(w) && w.isShowing()));
        assertThat(robot.lookup("#prodRepushPreview").queryAs(TextArea.class).getText()).contains("ethtool -X eth1 hkey");
        assertThat(rig.context.tuningJournal().plans(Optional.of("sandbox"))).as("nothing runs before the user's yes").isEmpty();
        ButtonBase yes = button(robot, "Re-push");
        Platform.runLater(yes::fire);
        waitUntil("re-pushed", () -> label(robot, "#prodVerifyStatus").startsWith("Re-pushed"));
        assertThat(rig.context.tuningJournal().rssPushes("sandbox", "eth1")).last().extracting(p -> p.bootId()).isEqualTo(sandbox().bootId());

        press(robot, "#prodVerifyRun");
        waitUntil("a verdict", () -> !label(robot, "#prodVerdict").startsWith("Running") && !label(robot, "#prodVerdict").isEmpty());
        assertThat(label(robot, "#prodVerdict")).startsWith("PASS");
        next(robot);
        next(robot);
        assertThat(header(robot)).endsWith("Done");
        assertThat(robot.lookup("#prodUnverified").queryAs(Label.class).isVisible()).isFalse();
    }
}
