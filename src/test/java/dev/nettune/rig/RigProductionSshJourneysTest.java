package dev.nettune.rig;

import static dev.nettune.ui.shell.MainWindowStage.dialog;
import static dev.nettune.ui.shell.MainWindowStage.find;
import static dev.nettune.ui.shell.MainWindowStage.header;
import static dev.nettune.ui.shell.MainWindowStage.node;
import static dev.nettune.ui.shell.MainWindowStage.press;
import static dev.nettune.ui.shell.MainWindowStage.said;
import static dev.nettune.ui.shell.MainWindowStage.shot;
import static dev.nettune.ui.shell.MainWindowStage.text;
import static dev.nettune.ui.shell.MainWindowStage.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.host.UserHome;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.rss.RssKey;
import dev.nettune.store.SavedHost;
import dev.nettune.ui.common.ScreenId;
import dev.nettune.ui.shell.MainWindow;
import dev.nettune.ui.shell.MainWindowStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The production setup's host part walked as a user clicks it in the main window, against the rig's real Debian 6.1
 * guest over real SSH (dropbear, its host key trusted in the isolated HOME's known_hosts): TIME-WAIT, SMC (the real
 * module, and the 6.1 kernel's missing net.smc sysctls), XPS per TX queue as hex masks, channels and IRQ affinity of
 * the virtio-net NIC, the RSS key and table pushed after the channel change, the verification with real hping3 from
 * the rig's namespace (an SSH server whose commands run in that namespace) that passes, and persistence. Each step
 * asserts what the user sees and what the guest reads back over its own SSH. Opt-in: {@code -Prig -DsshJourneys},
 * as root; runs in the ssh-journeys execution (isolated HOME) only.
 */
@ExtendWith({RigProductionSshJourneysTest.IsolatedHomeOnly.class, RigExtension.class})
class RigProductionSshJourneysTest {
    private static final String GUEST = "rig-guest";
    private static final String SENDER = "rig-sender";
    private static final String NIC = RigGuest.NIC;

    /** Skips the class outside the ssh-journeys execution before the rig is booted for nothing. */
    static final class IsolatedHomeOnly implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return UserHome.path().toString().contains("journey-home") ? ConditionEvaluationResult.enabled("isolated HOME")
                    : ConditionEvaluationResult.disabled("runs only in the ssh-journeys execution (-DsshJourneys), whose HOME is isolated:"
                            + " it writes ~/.ssh/known_hosts");
        }
    }

    @TempDir
    static Path dir;
    private static RigGuest rig;
    private static TestSshServer sender;
    private static Path knownHosts;
    private static List<String> trusted;
    private static AppContext context;
    private static MainWindowStage shown;
    private static MainWindow window;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open(RigGuest guest) throws Exception {
        rig = guest;
        // The guest as a fresh ECS instance has it: four channels, the default table, no smc, the kernel's own sysctls.
        rig.reset();
        rig.run("sh", "-c", "modprobe -r smc 2>/dev/null; rm -f /etc/sysctl.d/99-network-tuning.conf /etc/modules-load.d/nettune-smc.conf;"
                + " sysctl -qw net.ipv4.tcp_fin_timeout=60 net.ipv4.tcp_tw_reuse=2; for q in /sys/class/net/eth0/queues/tx-*; do"
                + " echo 0 > $q/xps_cpus; done; true").stdoutOrThrow();
        // The sender: an SSH server whose commands run in the rig's namespace, where hping3 reaches the guest's eth0.
        sender = TestSshServer.start();
        Path senderKey = sender.authorizeNewKey(dir.resolve("id_sender"), null);
        sender.argv = c -> List.of("ip", "netns", "exec", RigGuest.NS, "/usr/bin/env",
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "/bin/sh", "-c", c);
        Path home = UserHome.path();
        Files.createDirectories(home.resolve(".ssh"));
        knownHosts = home.resolve(".ssh/known_hosts");
        // Both keys trusted as a user does after checking the fingerprints (the Hosts journey walks that dialog).
        trusted = new ArrayList<>(Files.readAllLines(rig.knownHosts()).stream().filter(l -> !l.isBlank()).toList());
        trusted.add(sender.knownHostsLine());
        Files.writeString(knownHosts, String.join("\n", trusted) + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);

        context = new AppContext(dir.resolve("config"));
        context.hostInventory().add(new SavedHost(GUEST, "127.0.0.1", Optional.of("root"), OptionalInt.of(RigGuest.SSH_PORT),
                Optional.empty(), Optional.of(rig.dir().resolve("keys/id_ed25519"))));
        context.hostInventory().add(new SavedHost(SENDER, "127.0.0.1", Optional.of("root"), OptionalInt.of(sender.port()),
                Optional.empty(), Optional.of(senderKey)));
        shown = MainWindowStage.open(context);
        window = shown.window;
        stage = shown.stage;
    }

    @AfterAll
    static void close() throws Exception {
        MainWindowStage.closeAll(shown, context);
        if (trusted != null) {
            MainWindowStage.forgetTrusted(knownHosts, trusted);
        }
        MainWindowStage.closeAll(sender);
    }

    // ---- what the user does ----

    /** Preview, Apply, the real host's confirmation (which names the host and the step), until APPLIED. */
    private static void previewApplyConfirm(Window wizard, String step) throws Exception {
        say(step + ": preview");
        press(wizard, "#prodPreview");
        waitUntil("the " + step + " preview", 90, () -> !find(wizard, "#prodApply").orElseThrow().isDisabled()
                || !text(wizard, "#prodProblem").isBlank() || text(wizard, "#prodStatus").toLowerCase().contains("fail"));
        assertThat(find(wizard, "#prodApply").orElseThrow().isDisabled()).as(step + ": " + text(wizard, "#prodStatus") + " "
                + text(wizard, "#prodProblem")).isFalse();
        List<Window> before = List.copyOf(Window.getWindows());
        press(wizard, "#prodApply");
        Window alert = dialog(before);
        assertThat(said(alert)).as("the confirmation names the host and the step").contains(GUEST, step);
        say(step + ": apply confirmed; the plan:\n" + text(wizard, "#prodPreviewText"));
        press(alert, "Apply");
        waitUntil(step + " APPLIED", 240, () -> text(wizard, "#prodStatus").startsWith("APPLIED")
                || text(wizard, "#prodStatus").toLowerCase().contains("fail"));
        say(step + ": " + text(wizard, "#prodStatus") + " " + text(wizard, "#prodReadBack"));
        assertThat(text(wizard, "#prodStatus")).as(text(wizard, "#prodReadBack")).startsWith("APPLIED");
    }

    private static void next(Window wizard) throws Exception {
        press(wizard, "Next");
    }

    /** A line of the journey's progress, on the console and in the rig copy's journey.log (a TCG guest is slow to watch). */
    private static void say(String line) {
        System.out.println("[rig journey] " + line);
        try {
            Files.writeString(rig.dir().resolve("journey.log"), java.time.LocalTime.now() + " " + line + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            // the console has it
        }
    }

    private String guest(String command) throws Exception {
        return rig.run("sh", "-c", command).stdoutOrThrow().strip();
    }

    @Test
    void theProductionSetupTunesTheRigGuestOverSshAndItsVerificationPasses(TestReporter report) throws Exception {
        long started = System.nanoTime();
        robot.interact(() -> window.show(ScreenId.CLOUD));
        List<Window> before = List.copyOf(Window.getWindows());
        press(stage, "#openProduction");
        Window wizard = dialog(before);
        assertThat(node(wizard, "#prodRunCloud", CheckBox.class).isSelected()).isTrue();
        press(wizard, "#prodRunCloud"); // the cloud part is the Cloud journeys' business: straight to the host
        next(wizard);
        @SuppressWarnings("unchecked")
        ComboBox<String> host = node(wizard, "#prodHost", ComboBox.class);
        assertThat(host.getItems()).as("the saved hosts are offered").contains(GUEST, SENDER);
        robot.interact(() -> {
            host.setValue(GUEST);
            node(wizard, "#prodNic", TextField.class).setText(NIC);
        });
        next(wizard);

        // Seed step 4: TIME-WAIT.
        assertThat(header(wizard)).contains("TIME-WAIT");
        previewApplyConfirm(wizard, "TCP TIME-WAIT");
        assertThat(text(wizard, "#prodReadBack")).contains("net.ipv4.tcp_fin_timeout = 15");
        assertThat(guest("sysctl -n net.ipv4.tcp_fin_timeout")).isEqualTo("15");
        assertThat(guest("sysctl -n net.ipv4.tcp_tw_reuse")).isEqualTo("1");
        next(wizard);

        // Seed step 5: SMC. The real 6.1 kernel loads smc but has neither net.smc.smc_enabled nor smc_rdma_enabled.
        assertThat(header(wizard)).contains("SMC");
        previewApplyConfirm(wizard, "SMC");
        assertThat(guest("test -d /sys/module/smc && echo loaded")).isEqualTo("loaded");
        assertThat(guest("ls /proc/sys/net/smc")).doesNotContain("smc_enabled");
        assertThat(text(wizard, "#prodReadBack")).contains("module loaded", "net.smc.smc_enabled=n/a")
                .contains("net.smc.smc_enabled, net.smc.smc_rdma_enabled: not in this kernel (6.1), skipped. The smc module is loaded");
        shot(wizard, "rig-smc-applied");
        next(wizard);

        // Channels and IRQ affinity: three combined channels, each RX queue's interrupt on a CPU of its own.
        assertThat(header(wizard)).contains("IRQ");
        List<Integer> rxIrqs = guest("grep -E 'virtio0-input\\.[0-2]$' /proc/interrupts | cut -d: -f1").lines()
                .map(String::strip).map(Integer::parseInt).toList();
        assertThat(rxIrqs).hasSize(3);
        robot.interact(() -> {
            node(wizard, "#prodChannels", TextField.class).setText("3");
            node(wizard, "#prodIrqAffinity", TextField.class).setText(rxIrqs.get(0) + "=1; " + rxIrqs.get(1) + "=2; " + rxIrqs.get(2) + "=3");
        });
        previewApplyConfirm(wizard, "IRQ");
        assertThat(guest("ethtool -l eth0 | tail -n 2 | grep Combined")).endsWith("3");
        assertThat(guest("cat /proc/irq/" + rxIrqs.get(0) + "/smp_affinity_list /proc/irq/" + rxIrqs.get(1) + "/smp_affinity_list /proc/irq/"
                + rxIrqs.get(2) + "/smp_affinity_list").lines().toList()).containsExactly("1", "2", "3");
        assertThat(text(wizard, "#prodReadBack")).contains("IRQ " + rxIrqs.get(0));
        shot(wizard, "rig-irq-applied");
        next(wizard);

        // Seed step 6: XPS, one CPU list per TX queue of the three, written as hex masks (not the seed's "0-3"). After the
        // channel change: on virtio-net that change re-spread XPS by itself ("3 4 8"), which is why this page comes after it.
        assertThat(header(wizard)).contains("XPS");
        robot.interact(() -> node(wizard, "#prodXpsCpus", TextField.class).setText("0-1; 2-3; 0-3"));
        assertThat(text(wizard, "#prodXpsMasks")).contains("tx-0: CPUs 0-1 \u2192 writes the mask 3", "tx-1: CPUs 2-3 \u2192 writes the mask c",
                "tx-2: CPUs 0-3 \u2192 writes the mask f");
        previewApplyConfirm(wizard, "XPS");
        assertThat(guest("cat /sys/class/net/eth0/queues/tx-0/xps_cpus /sys/class/net/eth0/queues/tx-1/xps_cpus"
                + " /sys/class/net/eth0/queues/tx-2/xps_cpus").lines().toList()).containsExactly("3", "c", "f");
        shot(wizard, "rig-xps-applied");
        next(wizard);

        // Seed step 7: the guest has no NetworkManager (the NM journey runs against a real daemon): skipped.
        assertThat(header(wizard)).contains("NetworkManager");
        press(wizard, "#prodSkip");
        next(wizard);

        // The RSS key and table, pushed after the channel change (which switched the device's RSS off).
        assertThat(header(wizard)).contains("RSS key");
        @SuppressWarnings("unchecked")
        ComboBox<String> rssSender = node(wizard, "#prodSender", ComboBox.class);
        waitUntil("the first preflight", 90, () -> !node(wizard, "#prodPreflight", ButtonBase.class).isDisabled());
        robot.interact(() -> rssSender.getEditor().setText(SENDER));
        press(wizard, "#prodPreflight");
        waitUntil("the preflight with " + SENDER, 90, () -> text(wizard, "#prodPreflightText").contains("Sender for the verification"));
        String preflight = text(wizard, "#prodPreflightText");
        System.out.println("[rig] preflight:\n" + preflight);
        assertThat(preflight).contains("ok    NIC exists: eth0", "ok    Driver: virtio_net", "ok    Key and table read back",
                "ok    Sender for the verification: hping3 on " + SENDER).doesNotContain("FAIL");
        shot(wizard, "rig-rss-preflight");
        String key = RssKey.random(40).toColonHex();
        assertThat(node(wizard, "#prodRssTable", TextField.class).getText()).as("the table offered follows the 3 rings the NIC uses")
                .isEqualTo("equal 3");
        robot.interact(() -> node(wizard, "#prodRssKey", TextField.class).setText(key));
        previewApplyConfirm(wizard, "RSS");
        assertThat(rig.rss().key().orElseThrow().toColonHex()).isEqualTo(key);
        assertThat(rig.rss().table().orElseThrow().entries()).containsOnly(0, 1, 2);
        assertThat(text(wizard, "#prodReadBack")).contains("RSS hash key of eth0 = " + key);
        next(wizard);

        // The verification: designed flows from the namespace's real hping3, one burst per queue, counted in the guest.
        assertThat(header(wizard)).contains("verify RSS");
        @SuppressWarnings("unchecked")
        ComboBox<String> verifySender = node(wizard, "#prodVerifySender", ComboBox.class);
        assertThat(verifySender.getEditor().getText()).as("the sender the preflight checked").isEqualTo(SENDER);
        robot.interact(() -> {
            node(wizard, "#prodVerifySource", TextField.class).setText("198.18.0.1");
            node(wizard, "#prodVerifyDestination", TextField.class).setText(RigGuest.GUEST_ADDRESS);
        });
        int sentBefore = sender.execRequests.size();
        long verifyStarted = System.nanoTime();
        press(wizard, "#prodVerifyRun");
        waitUntil("a verdict", 180, () -> !text(wizard, "#prodVerdict").startsWith("Running") && !text(wizard, "#prodVerdict").isEmpty());
        double verifySeconds = (System.nanoTime() - verifyStarted) / 1e9;
        String detail = text(wizard, "#prodVerifyDetail");
        RigGuest.figure(report, "GUI verification", text(wizard, "#prodVerdict") + " in " + String.format(java.util.Locale.ROOT, "%.1f s",
                verifySeconds) + "\n" + detail);
        assertThat(text(wizard, "#prodVerdict")).as(detail + "\n" + text(wizard, "#prodVerifyStatus")).startsWith("PASS")
                .contains("false-pass probability");
        shot(wizard, "rig-verify-pass");
        assertThat(detail).contains("burst for queue 0", "burst for queue 1", "burst for queue 2").doesNotContain("burst for queue 3");
        assertThat(sender.execRequests.subList(sentBefore, sender.execRequests.size())).as("the bursts left the sender")
                .anyMatch(c -> c.contains("hping3 " + RigGuest.GUEST_ADDRESS + " "));
        next(wizard);

        // Seed step 8: what survives a reboot. The guest has no systemd: the boot re-apply unit is left out.
        assertThat(header(wizard)).contains("persistence");
        robot.interact(() -> {
            node(wizard, "#prodPersistNm", CheckBox.class).setSelected(false);
            node(wizard, "#prodPersistReapply", CheckBox.class).setSelected(false);
        });
        previewApplyConfirm(wizard, "Persistence");
        assertThat(guest("cat /etc/sysctl.d/99-network-tuning.conf")).contains("net.ipv4.tcp_fin_timeout = 15");
        assertThat(guest("cat /etc/modules-load.d/nettune-smc.conf")).as("smc loaded at every boot").contains("smc");
        System.out.println("[rig] persistence read-back: " + text(wizard, "#prodReadBack"));
        next(wizard);

        assertThat(header(wizard)).contains("Done").doesNotContain("NOT verified");
        assertThat(text(wizard, "#prodFinishProgress")).contains("TCP TIME-WAIT: applied", "SMC acceleration: applied",
                "XPS per TX queue: applied", "Persistence across reboot and re-attach: applied");
        RigGuest.figure(report, "GUI rig journey", String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9));
    }
}
