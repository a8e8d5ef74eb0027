package dev.nettune.ui.shell;

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
import dev.nettune.app.SetupProgress;
import dev.nettune.host.UserHome;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.store.SavedHost;
import dev.nettune.testing.NamespaceSshHost;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.NetworkManagerChange;
import dev.nettune.tuning.NetworkManagerNamespace;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.ui.common.ScreenId;
import dev.nettune.ui.journal.JournalViewModel;
import dev.nettune.ui.tuning.TuningViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Seed step 7 walked in the main window as a user clicks it, against a host with a REAL NetworkManager 1.42 daemon
 * ({@link NetworkManagerNamespace}: its own D-Bus system bus, eth1 a veth, private /etc and /run) reached over real
 * SSH (Apache MINA SSHD on 127.0.0.1; its host key trusted in the isolated HOME's known_hosts, as a user does after
 * checking the fingerprint, which HostSshJourneysTest walks): the production setup's NetworkManager page and its
 * persistence page, and the Tuning screen with a saved profile holding the NetworkManager change (as the Profiles
 * screen writes it). Each journey asserts what the user sees, what NetworkManager itself says afterwards (nmcli in
 * the namespace, independent of NetTune) and what the Journal holds. Runs in the ssh-journeys execution; needs root
 * and the network-manager package, skipped with the reason elsewhere.
 */
class NetworkManagerGuiSshJourneysTest {
    private static final String HOST = "nm-lab";
    private static final String NIC = NetworkManagerNamespace.NIC;
    private static final String CONF = "/etc/NetworkManager/conf.d/99-nettune-unmanaged-eth1.conf";
    private static final String PROFILE = "eth1 out of NetworkManager";
    private static final String NMCLI_ONLY = "eth1 unmanaged until reboot";

    @TempDir
    static Path dir;
    private static NetworkManagerNamespace nm;
    private static TestSshServer server;
    private static Path knownHosts;
    private static String trusted;
    private static AppContext context;
    private static MainWindowStage shown;
    private static MainWindow window;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private List<String> earlierPlans;

    @BeforeAll
    static void open() throws Exception {
        NamespaceSshHost.assumeIsolatedHome();
        nm = NetworkManagerNamespace.start(dir.resolve("root"));
        server = TestSshServer.start();
        Path key = server.authorizeNewKey(dir.resolve("id_nm"), null);
        server.argv = nm::argv;
        Files.createDirectories(UserHome.path().resolve(".ssh"));
        knownHosts = UserHome.path().resolve(".ssh/known_hosts");
        trusted = server.knownHostsLine();
        Files.writeString(knownHosts, trusted + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        context = new AppContext(dir.resolve("config"));
        context.hostInventory().add(new SavedHost(HOST, "127.0.0.1", Optional.of("root"), OptionalInt.of(server.port()), Optional.empty(),
                Optional.of(key)));
        // What the Profiles screen saves for "NetworkManager leaves eth1 alone, for good".
        context.profiles().save(new Profile(PROFILE, "seed step 7", List.of(NetworkManagerChange.unmanage(NIC),
                new ProfileEntry.PersistNetworkManager(NIC))));
        context.profiles().save(new Profile(NMCLI_ONLY, "seed step 7 without the conf.d file", List.of(NetworkManagerChange.unmanage(NIC))));
        shown = MainWindowStage.open(context);
        window = shown.window;
        stage = shown.stage;
    }

    @AfterAll
    static void close() throws Exception {
        MainWindowStage.closeAll(shown, context);
        if (trusted != null) {
            MainWindowStage.forgetTrusted(knownHosts, List.of(trusted));
        }
        MainWindowStage.closeAll(server, nm);
    }

    @BeforeEach
    void noteTheEarlierPlans() {
        earlierPlans = context.tuningJournal().plans(Optional.of(HOST)).stream().map(Journal.PlanRecord::id).toList();
    }

    /** Each journey starts from a NetworkManager that runs and manages eth1, no conf.d file, and no setup to resume. */
    @AfterEach
    void leaveTheHostAsFound() throws Exception {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        Files.deleteIfExists(new SetupProgress(context.configDir()).file());
        // Stopped by a journey or not: what a reboot leaves (no conf.d file, /run/NetworkManager empty), then started.
        nm.sh("rm -f " + CONF + "; p=$(cat /run/nettune-test/nm.pid); kill $p 2>/dev/null; while kill -0 $p 2>/dev/null; do sleep 0.1; done;"
                + " rm -rf /run/NetworkManager; mkdir /run/NetworkManager");
        nm.startNetworkManager();
    }

    // ---- what the user does ----

    /** Opens the production setup, straight to its host part on the NM host's eth1, and skips to the NetworkManager page. */
    private Window productionSetupAtTheNetworkManagerPage() throws Exception {
        robot.interact(() -> window.show(ScreenId.CLOUD));
        List<Window> before = List.copyOf(Window.getWindows());
        press(stage, "#openProduction");
        Window wizard = dialog(before);
        press(wizard, "#prodRunCloud"); // the cloud part is the Cloud journeys' business
        press(wizard, "Next");
        @SuppressWarnings("unchecked")
        ComboBox<String> host = node(wizard, "#prodHost", ComboBox.class);
        robot.interact(() -> {
            host.setValue(HOST);
            node(wizard, "#prodNic", TextField.class).setText(NIC);
        });
        press(wizard, "Next");
        skipTo(wizard, "NetworkManager");
        return wizard;
    }

    private static void skipTo(Window wizard, String page) throws Exception {
        for (int i = 0; i < 10 && !header(wizard).contains(page); i++) {
            press(wizard, "#prodSkip");
            press(wizard, "Next");
        }
        assertThat(header(wizard)).contains(page);
    }

    /** Presses a button that changes the real host and answers its confirmation, which must name the host. */
    private static void pressAndConfirm(Window w, String id, String mustSay, String answer) throws Exception {
        List<Window> before = List.copyOf(Window.getWindows());
        press(w, id);
        Window alert = dialog(before);
        assertThat(said(alert)).contains(mustSay, HOST);
        press(alert, answer);
    }

    /** The apply plans this journey journaled. */
    private List<Journal.PlanRecord> applied() {
        return context.tuningJournal().plans(Optional.of(HOST)).stream().filter(p -> p.kind().equals("apply") && !earlierPlans.contains(p.id()))
                .toList();
    }

    /** The Journal screen as the user opens it: the plan's row, and its entries' commands once it is selected. */
    private void journalScreenShows(String planId, String status, String command) throws Exception {
        robot.interact(() -> window.show(ScreenId.JOURNAL));
        @SuppressWarnings("unchecked")
        TableView<JournalViewModel.PlanRow> plans = node(stage, "#planTable", TableView.class);
        waitUntil("plan " + planId + " " + status + " in the Journal", () -> plans.getItems().stream()
                .anyMatch(r -> r.id().equals(planId) && r.status().equals(status)));
        JournalViewModel.PlanRow row = plans.getItems().stream().filter(r -> r.id().equals(planId)).findFirst().orElseThrow();
        robot.interact(() -> plans.getSelectionModel().select(row));
        @SuppressWarnings("unchecked")
        TableView<JournalViewModel.EntryRow> entries = node(stage, "#entryTable", TableView.class);
        waitUntil("the plan's entries", () -> entries.getItems().stream().anyMatch(e -> e.commands().contains(command)));
    }

    /** What the user sees is whole: no label, button or header of {@code w} cut off (the real host's long reasons included). */
    private static void nothingCutOff(Window w, String name) {
        shot(w, name);
        assertThat(LayoutTest.check(w.getScene().getRoot(), false)).as(name + " at " + (int) w.getWidth() + "x" + (int) w.getHeight())
                .isEmpty();
    }

    // ---- the production setup ----

    @Test
    void theNetworkManagerPagePreviewsTheNmcliCommandAppliesItAndUndoGivesEth1Back() throws Exception {
        Window wizard = productionSetupAtTheNetworkManagerPage();
        assertThat(text(wizard, "#prodNmWhat")).contains(NIC);

        press(wizard, "#prodPreview");
        waitUntil("the preview", () -> !find(wizard, "#prodApply").orElseThrow().isDisabled());
        assertThat(text(wizard, "#prodPreviewText")).contains("NetworkManager on eth1", "before: managed", "after:  unmanaged",
                "$ sudo nmcli device set eth1 managed no");
        assertThat(text(wizard, "#prodStatus")).contains("1 change to apply on " + HOST);
        assertThat(nm.nicState()).as("nothing changes before Apply").isNotEqualTo("unmanaged");
        assertThat(applied()).as("nothing journaled before Apply").isEmpty();
        nothingCutOff(wizard, "nm-page-previewed");

        pressAndConfirm(wizard, "#prodApply", "NetworkManager", "Apply");
        waitUntil("APPLIED", () -> text(wizard, "#prodStatus").startsWith("APPLIED") || text(wizard, "#prodStatus").contains("fail"));
        assertThat(text(wizard, "#prodStatus")).as(nm.log()).startsWith("APPLIED");
        assertThat(text(wizard, "#prodReadBack")).contains("NetworkManager on eth1 = unmanaged");
        nothingCutOff(wizard, "nm-page-applied");
        assertThat(nm.nicState()).as("what NetworkManager says").isEqualTo("unmanaged");
        assertThat(server.execRequests).anyMatch(c -> c.contains("nmcli device set eth1 managed no"));
        assertThat(applied()).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(Journal.PlanStatus.APPLIED));
        String planId = applied().get(0).id();

        pressAndConfirm(wizard, "#prodUndo", "Undo plan " + planId, "Undo");
        waitUntil("UNDONE", () -> text(wizard, "#prodStatus").startsWith("UNDONE") || text(wizard, "#prodStatus").contains("fail"));
        assertThat(text(wizard, "#prodStatus")).startsWith("UNDONE");
        assertThat(text(wizard, "#prodReadBack")).contains("NetworkManager on eth1 = managed");
        assertThat(nm.nicState()).as("what NetworkManager says").isNotEqualTo("unmanaged");
        assertThat(applied()).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(Journal.PlanStatus.UNDONE));
        robot.interact(wizard::hide);
        journalScreenShows(planId, "UNDONE", "nmcli device set eth1 managed no");
    }

    @Test
    void thePersistencePageKeepsEth1UnmanagedAcrossARebootOfNetworkManager() throws Exception {
        Window wizard = productionSetupAtTheNetworkManagerPage();
        press(wizard, "#prodPreview");
        pressAndConfirm(wizard, "#prodApply", "NetworkManager", "Apply");
        waitUntil("APPLIED", () -> text(wizard, "#prodStatus").startsWith("APPLIED"));
        press(wizard, "Next");
        skipTo(wizard, "persistence");
        assertThat(node(wizard, "#prodPersistNm", CheckBox.class).isSelected()).isTrue();

        press(wizard, "#prodPreview");
        waitUntil("the persistence preview", () -> !find(wizard, "#prodApply").orElseThrow().isDisabled());
        assertThat(text(wizard, "#prodPreviewText")).contains(CONF, "| [keyfile]", "| unmanaged-devices=interface-name:eth1")
                .doesNotContain("sysctl.d");
        assertThat(nm.file(CONF)).as("nothing written before Apply").isEmpty();
        nothingCutOff(wizard, "persistence-page-previewed");
        pressAndConfirm(wizard, "#prodApply", "Persistence", "Apply");
        waitUntil("APPLIED", () -> text(wizard, "#prodStatus").startsWith("APPLIED") || text(wizard, "#prodStatus").contains("fail"));
        assertThat(text(wizard, "#prodStatus")).startsWith("APPLIED");
        assertThat(nm.file(CONF)).contains("# Written by NetTune: keep eth1 out of NetworkManager's hands across restarts.\n"
                + "[keyfile]\nunmanaged-devices=interface-name:eth1\n");

        nm.rebootNetworkManager();

        assertThat(nm.nicState()).as("the conf.d file NetworkManager read at its start").isEqualTo("unmanaged");
    }

    @Test
    void withNetworkManagerStoppedTheNetworkManagerPageSaysSkippedWithTheReason() throws Exception {
        nm.stopNetworkManager();
        Window wizard = productionSetupAtTheNetworkManagerPage();

        press(wizard, "#prodPreview");
        waitUntil("the preview", () -> !text(wizard, "#prodPreviewText").isBlank());

        assertThat(text(wizard, "#prodStatus")).startsWith("Skipped: NetworkManager on eth1: NetworkManager is not running on this host")
                .doesNotContain("already").doesNotContainIgnoringCase("fail");
        assertThat(text(wizard, "#prodPreviewText")).contains("NetworkManager is not running on this host")
                .doesNotContain("nmcli device set");
        assertThat(find(wizard, "Next").orElseThrow().isDisabled()).as("the user can go on").isFalse();
        nothingCutOff(wizard, "nm-page-skipped-by-host");
        assertThat(applied()).isEmpty();
        nm.startNetworkManager();
        assertThat(nm.nicState()).isNotEqualTo("unmanaged");
    }

    // ---- the Tuning screen ----

    /** The Tuning screen with the NM host and the saved profile chosen, planned. */
    private void planOnTheTuningScreen(String profile) throws Exception {
        robot.interact(() -> window.show(ScreenId.TUNING));
        @SuppressWarnings("unchecked")
        ComboBox<String> hostBox = node(stage, "#hostBox", ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<Profile> profileBox = node(stage, "#profileBox", ComboBox.class);
        waitUntil("the saved host and profile offered", () -> hostBox.getItems().contains(HOST)
                && profileBox.getItems().stream().anyMatch(p -> p.name().equals(profile)));
        robot.interact(() -> {
            hostBox.setValue(HOST);
            profileBox.setValue(profileBox.getItems().stream().filter(p -> p.name().equals(profile)).findFirst().orElseThrow());
        });
        press(stage, "#planButton");
        waitUntil("the plan", () -> text(stage, "#statusLabel").contains("to apply") || text(stage, "#statusLabel").contains("Nothing")
                || text(stage, "#statusLabel").contains("Skipped") || text(stage, "#statusLabel").contains("annot"));
    }

    private String commandsAndFiles() {
        TabPane tabs = node(stage, "#tabs", TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        String shown = node(stage, "#previewArea", TextArea.class).getText();
        robot.interact(() -> tabs.getSelectionModel().select(0));
        return shown;
    }

    @SuppressWarnings("unchecked")
    private static List<TuningViewModel.PlanRow> rows() {
        return List.copyOf(node(stage, "#planTable", TableView.class).getItems());
    }

    @Test
    void theTuningScreenPlansAppliesAndUndoesTheProfilesNetworkManagerChange() throws Exception {
        planOnTheTuningScreen(PROFILE);
        assertThat(text(stage, "#statusLabel")).contains("2 steps to apply");
        assertThat(rows()).extracting(TuningViewModel.PlanRow::title).containsExactly("NetworkManager on eth1", CONF);
        assertThat(rows().get(0).before()).isEqualTo("managed");
        assertThat(rows().get(0).after()).isEqualTo("unmanaged");
        assertThat(commandsAndFiles()).contains("$ sudo nmcli device set eth1 managed no", "| unmanaged-devices=interface-name:eth1");
        assertThat(nm.nicState()).as("nothing changes before Apply").isNotEqualTo("unmanaged");
        assertThat(nm.file(CONF)).isEmpty();
        nothingCutOff(stage, "tuning-planned");

        pressAndConfirm(stage, "#applyButton", "changes a real host", "Apply");
        waitUntil("APPLIED", () -> text(stage, "#statusLabel").startsWith("APPLIED") || text(stage, "#statusLabel").contains("FAIL"));
        assertThat(text(stage, "#statusLabel")).startsWith("APPLIED").contains("NetworkManager on eth1 = unmanaged");
        assertThat(rows().get(0).readBack()).isEqualTo("unmanaged");
        assertThat(nm.nicState()).as("what NetworkManager says").isEqualTo("unmanaged");
        assertThat(nm.file(CONF)).isPresent();
        String planId = applied().get(0).id();

        pressAndConfirm(stage, "#undoButton", "Undo plan", "Undo");
        waitUntil("UNDONE", () -> text(stage, "#statusLabel").startsWith("UNDONE") || text(stage, "#statusLabel").contains("FAIL"));
        assertThat(text(stage, "#statusLabel")).startsWith("UNDONE").contains("NetworkManager on eth1 = managed").doesNotContain("APPLIED");
        assertThat(nm.nicState()).as("what NetworkManager says").isNotEqualTo("unmanaged");
        assertThat(nm.file(CONF)).as("the file it wrote is gone").isEmpty();
        journalScreenShows(planId, "UNDONE", "nmcli device set eth1 managed no");
    }

    @Test
    void withNetworkManagerStoppedTheTuningScreenSaysTheNmcliStepIsSkippedWithTheReason() throws Exception {
        nm.stopNetworkManager();

        planOnTheTuningScreen(PROFILE);

        assertThat(text(stage, "#statusLabel")).contains("1 step to apply");
        assertThat(rows()).extracting(TuningViewModel.PlanRow::title).containsExactly(CONF);
        @SuppressWarnings("unchecked")
        ListView<String> notes = node(stage, "#notesList", ListView.class);
        assertThat(notes.getItems()).anyMatch(n -> n.startsWith("Skipped") && n.contains("NetworkManager is not running on this host"));
        assertThat(String.join("\n", notes.getItems())).doesNotContain("already");
        assertThat(notes.lookupAll(".scroll-bar").stream().filter(b -> b instanceof javafx.scene.control.ScrollBar bar
                && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible()))
                .as("the reason is read whole, without scrolling sideways").isEmpty();
        nothingCutOff(stage, "tuning-skipped-note");
    }

    @Test
    void withNetworkManagerStoppedAProfileOfOnlyTheNmcliStepSaysSkippedWithTheReasonNotAlreadyInEffect() throws Exception {
        nm.stopNetworkManager();

        planOnTheTuningScreen(NMCLI_ONLY);

        assertThat(text(stage, "#statusLabel")).startsWith("Skipped: NetworkManager on eth1: NetworkManager is not running on this host")
                .doesNotContain("already");
        assertThat(rows()).isEmpty();
        @SuppressWarnings("unchecked")
        TableView<TuningViewModel.PlanRow> table = node(stage, "#planTable", TableView.class);
        assertThat(((javafx.scene.control.Label) table.getPlaceholder()).getText()).as("the empty plan table").startsWith("Skipped:");
        assertThat(find(stage, "#applyButton").orElseThrow().isDisabled()).isTrue();
        nothingCutOff(stage, "tuning-skipped-status");
    }
}
