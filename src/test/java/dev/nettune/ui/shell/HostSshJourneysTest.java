package dev.nettune.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.nettune.ui.shell.MainWindowStage.dialog;
import static dev.nettune.ui.shell.MainWindowStage.find;
import static dev.nettune.ui.shell.MainWindowStage.press;
import static dev.nettune.ui.shell.MainWindowStage.said;
import static dev.nettune.ui.shell.MainWindowStage.text;
import static dev.nettune.ui.shell.MainWindowStage.waitUntil;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.app.AppContext;
import dev.nettune.host.UserHome;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.testing.NamespaceSshHost;
import dev.nettune.tuning.NetworkNamespace;
import dev.nettune.ui.common.ScreenId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The host journeys a user walks through the main window against a REAL SSH server: Apache MINA SSHD on
 * 127.0.0.1 runs each request with /bin/sh inside a network namespace of this machine's kernel (its own
 * net.ipv4 sysctls and a 4-queue veth, nt0) with overlays on /etc and /run, so nothing outside the test
 * changes. The user adds the host on the Hosts screen and confirms its key (written to the isolated
 * HOME's known_hosts), plans, applies, reads back and undoes the seed's TIME-WAIT tuning on the Tuning
 * screen, then walks the production setup's host part on the same server (TIME-WAIT, XPS as masks,
 * persistence, undo). Runs in the {@code ssh-journeys} Surefire execution (HOME and user.home in
 * target/journey-home); needs root for the namespace and overlays, skipped with the reason elsewhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostSshJourneysTest {
    private static final String HOST = "ssh-lab";

    @TempDir
    static Path dir;
    private static NamespaceSshHost lab;
    private static NetworkNamespace ns;
    private static TestSshServer server;
    private static Path scratch;
    private static Path key;
    private static AppContext context;
    private static MainWindowStage shown;
    private static MainWindow window;
    private static Stage stage;
    private static String finTimeoutBefore;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        lab = NamespaceSshHost.start(dir);
        ns = lab.ns;
        scratch = lab.scratch;
        server = lab.server;
        key = lab.key;
        finTimeoutBefore = ns.inside("sysctl", "-n", "net.ipv4.tcp_fin_timeout");
        Path home = UserHome.path();
        Files.createDirectories(home.resolve(".ssh"));
        Files.deleteIfExists(home.resolve(".ssh/known_hosts"));
        context = new AppContext(dir.resolve("config"));
        shown = MainWindowStage.open(context);
        window = shown.window;
        stage = shown.stage;
    }

    @AfterAll
    static void close() throws Exception {
        MainWindowStage.closeAll(shown, context, lab);
    }

    /** Answers OK to the confirmation a change to a real host asks for, and checks what it says. */
    private static void confirmRealHost(List<Window> before, String mustSay, String button) throws Exception {
        Window alert = dialog(before);
        assertThat(said(alert)).contains(mustSay).contains(HOST);
        press(alert, button);
    }

    @Test
    @Order(1)
    void addTheHostConfirmItsKeyThenPlanApplyReadBackAndUndoTheSeedTuning() throws Exception {
        robot.interact(() -> window.show(ScreenId.HOSTS));
        List<Window> before = List.copyOf(Window.getWindows());
        press(stage, "#addByHandButton");
        Window add = dialog(before);
        robot.interact(() -> {
            ((TextField) find(add, "#add-host-name").orElseThrow()).setText(HOST);
            ((TextField) find(add, "#add-host-address").orElseThrow()).setText("127.0.0.1");
            ((TextField) find(add, "#add-host-user").orElseThrow()).setText("tester");
            ((TextField) find(add, "#add-host-port").orElseThrow()).setText(Integer.toString(server.port()));
            ((TextField) find(add, "#add-host-key").orElseThrow()).setText(key.toString());
        });
        press(add, "OK");
        @SuppressWarnings("unchecked")
        ListView<Object> hosts = (ListView<Object>) find(stage, "#hostList").orElseThrow();
        waitUntil("the saved host in the list", () -> hosts.getItems().stream().anyMatch(h -> h.toString().contains(HOST)));

        List<Window> beforeKey = List.copyOf(Window.getWindows());
        robot.interact(() -> hosts.getItems().stream().filter(h -> h.toString().contains(HOST)).findFirst()
                .ifPresent(h -> hosts.getSelectionModel().select(h)));
        Window keyDialog = dialog(beforeKey);
        TextField fingerprint = (TextField) LayoutTest.descendants(keyDialog.getScene().getRoot()).stream()
                .filter(n -> n instanceof TextField && n.getId() != null && n.getId().equals("fingerprintField")).findFirst()
                .orElseGet(() -> (TextField) LayoutTest.descendants(keyDialog.getScene().getRoot()).stream().filter(TextField.class::isInstance)
                        .findFirst().orElseThrow());
        assertThat(fingerprint.getText()).as("the key the server really holds").isEqualTo(server.fingerprint());
        press(keyDialog, "Accept and save");
        Path knownHosts = UserHome.path().resolve(".ssh/known_hosts");
        waitUntil("the key in the isolated known_hosts", () -> Files.exists(knownHosts));
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + server.port());
        waitUntil("the host's state read over SSH", () -> !text(stage, "#kernelLabel").isBlank() || !text(stage, "#errorLabel").isBlank());

        robot.interact(() -> window.show(ScreenId.TUNING));
        @SuppressWarnings("unchecked")
        ComboBox<String> hostBox = (ComboBox<String>) find(stage, "#hostBox").orElseThrow();
        robot.interact(() -> hostBox.setValue(HOST));
        press(stage, "#planButton");
        waitUntil("the plan", () -> !find(stage, "#applyButton").orElseThrow().isDisabled());
        List<Window> beforeApply = List.copyOf(Window.getWindows());
        press(stage, "#applyButton");
        confirmRealHost(beforeApply, "changes a real host", "Apply");
        waitUntil("APPLIED", () -> text(stage, "#statusLabel").startsWith("APPLIED"));
        assertThat(text(stage, "#statusLabel")).contains("net.ipv4.tcp_fin_timeout = 15");
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_fin_timeout")).isEqualTo("15");
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_tw_reuse")).isEqualTo("1");
        assertThat(Files.readString(scratch.resolve("eu/sysctl.d/99-network-tuning.conf"))).contains("net.ipv4.tcp_fin_timeout = 15");
        assertThat(server.execRequests).anyMatch(c -> c.contains("sysctl -w net.ipv4.tcp_fin_timeout=15"));

        List<Window> beforeUndo = List.copyOf(Window.getWindows());
        press(stage, "#undoButton");
        confirmRealHost(beforeUndo, "Undo plan", "Undo");
        waitUntil("UNDONE", () -> text(stage, "#statusLabel").startsWith("UNDONE"));
        assertThat(text(stage, "#statusLabel")).contains("net.ipv4.tcp_fin_timeout = " + finTimeoutBefore).doesNotContain("APPLIED");
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_fin_timeout")).isEqualTo(finTimeoutBefore);
        assertThat(Files.exists(scratch.resolve("eu/sysctl.d/99-network-tuning.conf"))).as("the file it wrote is gone").isFalse();
    }

    @Test
    @Order(2)
    void theProductionSetupsHostPartRunsOnTheSameHost() throws Exception {
        assumeTrue(Files.exists(UserHome.path().resolve(".ssh/known_hosts")), "needs the host added and its key confirmed by the first journey");
        robot.interact(() -> window.show(ScreenId.CLOUD));
        List<Window> before = List.copyOf(Window.getWindows());
        press(stage, "#openProduction");
        Window wizard = dialog(before);
        press(wizard, "#prodRunCloud"); // the cloud part is the Cloud journeys' business: straight to the host
        press(wizard, "Next");
        @SuppressWarnings("unchecked")
        ComboBox<String> host = (ComboBox<String>) find(wizard, "#prodHost").orElseThrow();
        robot.interact(() -> {
            host.setValue(HOST);
            ((TextField) find(wizard, "#prodNic").orElseThrow()).setText(ns.nic);
        });
        press(wizard, "Next");

        // Seed step 4: TIME-WAIT.
        press(wizard, "#prodPreview");
        waitUntil("the TIME-WAIT preview", () -> !find(wizard, "#prodApply").orElseThrow().isDisabled());
        List<Window> w1 = List.copyOf(Window.getWindows());
        press(wizard, "#prodApply");
        confirmRealHost(w1, "TCP TIME-WAIT", "Apply");
        waitUntil("TIME-WAIT applied", () -> text(wizard, "#prodStatus").startsWith("APPLIED"));
        assertThat(text(wizard, "#prodReadBack")).contains("net.ipv4.tcp_fin_timeout = 15");
        assertThat(ns.inside("sysctl", "-n", "net.ipv4.tcp_fin_timeout")).isEqualTo("15");
        press(wizard, "Next");

        // Seed step 5: SMC loads a module into the kernel this test shares with the machine: skipped here.
        press(wizard, "#prodSkip");
        press(wizard, "Next");
        // A veth has no combined channels or queue IRQs: skipped.
        press(wizard, "#prodSkip");
        press(wizard, "Next");

        // Seed step 6: XPS, one CPU list per TX queue, written as masks.
        robot.interact(() -> ((TextField) find(wizard, "#prodXpsCpus").orElseThrow()).setText("0; 1"));
        assertThat(text(wizard, "#prodXpsMasks")).contains("tx-0: CPUs 0 \u2192 writes the mask 1", "tx-1: CPUs 1 \u2192 writes the mask 2");
        press(wizard, "#prodPreview");
        waitUntil("the XPS preview", () -> !find(wizard, "#prodApply").orElseThrow().isDisabled());
        List<Window> w2 = List.copyOf(Window.getWindows());
        press(wizard, "#prodApply");
        confirmRealHost(w2, "XPS", "Apply");
        waitUntil("XPS applied", () -> text(wizard, "#prodStatus").startsWith("APPLIED"));
        assertThat(ns.inside("cat", "/sys/class/net/" + ns.nic + "/queues/tx-0/xps_cpus")).isEqualTo("1");
        assertThat(ns.inside("cat", "/sys/class/net/" + ns.nic + "/queues/tx-1/xps_cpus")).isEqualTo("2");
        press(wizard, "Next");

        // Seed step 7 (no NetworkManager in the namespace), RSS and its verification (a veth has neither): skipped.
        for (int i = 0; i < 3; i++) {
            press(wizard, "#prodSkip");
            press(wizard, "Next");
        }

        // Seed step 8: persistence of the sysctls (the boot re-apply would call systemd, which this rig does not have).
        robot.interact(() -> {
            LayoutTest.descendants(wizard.getScene().getRoot()).stream().filter(n -> n instanceof javafx.scene.control.CheckBox c
                    && List.of("prodPersistSmc", "prodPersistNm", "prodPersistReapply").contains(c.getId()))
                    .forEach(n -> ((javafx.scene.control.CheckBox) n).setSelected(false));
        });
        press(wizard, "#prodPreview");
        waitUntil("the persistence preview", () -> !find(wizard, "#prodApply").orElseThrow().isDisabled());
        List<Window> w3 = List.copyOf(Window.getWindows());
        press(wizard, "#prodApply");
        confirmRealHost(w3, "Persistence", "Apply");
        waitUntil("persistence applied", () -> text(wizard, "#prodStatus").startsWith("APPLIED"));
        assertThat(Files.readString(scratch.resolve("eu/sysctl.d/99-network-tuning.conf"))).contains("net.ipv4.tcp_fin_timeout = 15");

        List<Window> w4 = List.copyOf(Window.getWindows());
        press(wizard, "#prodUndo");
        confirmRealHost(w4, "Undo plan", "Undo");
        waitUntil("persistence undone", () -> text(wizard, "#prodStatus").startsWith("UNDONE"));
        assertThat(Files.exists(scratch.resolve("eu/sysctl.d/99-network-tuning.conf"))).isFalse();
        press(wizard, "Next");
        assertThat(text(wizard, "#prodFinishProgress")).contains("TCP TIME-WAIT: applied", "SMC acceleration: skipped",
                "XPS per TX queue: applied", "Persistence across reboot and re-attach: undone");
        press(wizard, "Finish");
        assertThat(new dev.nettune.app.SetupProgress(context.configDir()).load()).as("a finished setup is not offered for resuming").isEmpty();
    }
}
