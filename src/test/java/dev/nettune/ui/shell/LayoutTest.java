package dev.nettune.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.ui.common.ScreenId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen of the main window, every tab inside it and every wizard page the test can reach, in
 * the light and the dark theme at 1280x800: no text may be cut off. At 1024x700 every action (every
 * button) must still be whole and inside the window, or inside a scroll pane that reaches it.
 *
 * <p>"Cut off" means a {@link Labeled} whose displayed text (its skin's {@link Text} child) differs
 * from its text: an ellipsis, a clipped wrap. Column headers, tab headers and the rail are Labeled
 * too, so a clipped header fails. A table cell may end in "..." only in a column listed in
 * {@link #ELIDING_COLUMNS} (free text designed to elide, each listed with why), and only when it offers
 * its whole text as a tooltip; a tooltip elsewhere does not excuse a cut-off cell.
 *
 * <p>Run it (headless, about a minute per theme):
 * <pre>
 *   ./mvnw -q -B -ntp test -Dtest=LayoutTest -Dsurefire.failIfNoSpecifiedTests=false
 *   ./mvnw -q -B -ntp test -Dtest=LayoutTest -Dlayout.screens=tuning,cloud -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Each case names the screen, theme and size; a failure lists every cut-off text with where it sits
 * (the ids of its parents) and what was shown instead. To add a screen, add it to {@link Screens}: the
 * test walks it. To add a wizard, add the id of the button that opens it to {@link #WIZARDS}.
 *
 * <p>{@link #KNOWN_FAILURES} lists cases that fail on main and are owned elsewhere, each with the reason;
 * such a case still walks the screen and prints what it found, then reports itself as aborted (not
 * passed). Remove an entry when its screen is fixed.
 */
class LayoutTest {
    /** Buttons that open a wizard, per screen: the test opens it, walks its pages with Next, then cancels. */
    static final Map<ScreenId, List<String>> WIZARDS = Map.of(
            ScreenId.CLOUD, List.of("#openProduction", "#openSecondaryEni", "#openTimeouts", "#openRss"));

    /**
     * Cases known to fail on main, by "screen theme size" (for example "cloud dark 1280x800") or by
     * "screen" for every case of a screen, with the reason and whom it waits for. Empty means none.
     */
    static final Map<String, String> KNOWN_FAILURES = Map.of();

    private static final String JOURNAL_VALUE = "a journaled value (before, after, read back) can be a 40-byte RSS key, a 128-entry "
            + "table or a file's summary; three such columns side by side cannot all fit, so each elides with the whole value in its tooltip";

    /**
     * The only table columns whose cells may end in "..." at 1280x800, by column id, each with why it is designed to
     * elide; their cells carry the whole text as a tooltip. Any other cut-off cell fails, tooltip or not: IDs, MACs,
     * statuses, names and numbers are read, copied and compared, so their columns fit their content.
     */
    static final Map<String, String> ELIDING_COLUMNS = Map.of(
            "journalDetail", "a plan's detail is free text of any length (a run's message, an error with the host's output); "
                    + "the row cannot wrap it, and the selected plan's whole detail is shown below the table",
            "fleetPreview", "an instance's preview lists every command of the plan for it; the column shows the start, the "
                    + "tooltip the whole list",
            "fleetDetail", "why an instance failed or was skipped, free text from the host or Cloud Assistant",
            "journalBefore", JOURNAL_VALUE, "journalAfter", JOURNAL_VALUE, "journalReadBack", JOURNAL_VALUE);

    /** The production setup's opener: walked twice, its cloud part and its host part. */
    private static final String PRODUCTION = "#openProduction";
    /** The production setup has 19 pages; a page's "Skip this step" is pressed to reach the next one. */
    private static final int MAX_WIZARD_PAGES = 20;
    /** With {@code -Dlayout.shots=DIR}, every screen and wizard page checked is also saved there as a PNG. */
    private static final String SHOTS = System.getProperty("layout.shots", "");
    private String shotName = "";

    @TempDir
    static Path config;

    private static AppContext context;
    private static MainWindowStage shown;
    private static MainWindow window;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        context = new AppContext(config);
        // The Journal lists a plan, as after a user's first Apply: its table's columns are checked with a row in them.
        try (dev.nettune.host.Host h = context.hostResolver().resolve("sandbox", dev.nettune.app.HostOptions.defaults())) {
            var r = context.tuningEngine().apply(h, new dev.nettune.tuning.Planner().plan(h, dev.nettune.tuning.Profile.ecsHighThroughput()),
                    dev.nettune.tuning.ApplyOptions.defaults(() -> context.hostResolver().resolve("sandbox", dev.nettune.app.HostOptions.defaults())),
                    dev.nettune.tuning.ApplyListener.NONE, new dev.nettune.tuning.Cancellation());
            assertThat(r.applied()).as(r.message()).isTrue();
        }
        shown = MainWindowStage.open(context);
        window = shown.window;
        stage = shown.stage;
    }

    @AfterAll
    static void close() throws Exception {
        shown.close();
        context.close();
    }

    static Stream<Arguments> cases() {
        String only = System.getProperty("layout.screens", "");
        Set<String> wanted = only.isBlank() ? Set.of()
                : Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
        List<Arguments> out = new ArrayList<>();
        for (String size : List.of("1280x800", "1024x700")) {
            for (String theme : size.equals("1280x800") ? List.of("light", "dark") : List.of("light")) {
                for (ScreenFactory s : Screens.all()) {
                    if (wanted.isEmpty() || wanted.contains(s.id().id())) {
                        out.add(Arguments.of(s.id(), theme, size));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void noTextIsCutOffAndEveryActionIsReachable(ScreenId screen, String theme, String size) throws Exception {
        boolean actionsOnly = size.equals("1024x700");
        String[] wh = size.split("x");
        robot.interact(() -> {
            stage.setWidth(Integer.parseInt(wh[0]));
            stage.setHeight(Integer.parseInt(wh[1]));
            window.darkProperty().set(theme.equals("dark"));
            window.show(screen);
        });
        Parent content = (Parent) window.root().getCenter();
        List<String> openers = WIZARDS.getOrDefault(screen, List.of());
        if (!openers.isEmpty()) {
            // A screen that reads first (the Cloud screen connects its account) is checked and shown once it has read.
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(openers.get(0)).tryQuery().map(n -> !n.isDisabled()).orElse(false));
            } catch (TimeoutException e) {
                // checked as it is; walkWizard reports an opener that never became enabled
            }
        }
        settle(content);

        Map<String, List<String>> found = new LinkedHashMap<>();
        shotName = screen.id() + "-" + theme + "-" + size;
        found.put(screen.id(), check(window.root(), actionsOnly));
        shot(stage.getScene(), shotName);
        walkTabs(content, screen.id(), actionsOnly, found);
        for (String opener : WIZARDS.getOrDefault(screen, List.of())) {
            if (opener.equals(PRODUCTION)) {
                // Its cloud pages (up to the review: running the plan would change the sandbox for the next case),
                // then, opened again with the cloud part left out, its host pages to the summary.
                walkWizard(opener, actionsOnly, found, true, size);
            }
            walkWizard(opener, actionsOnly, found, false, size);
        }

        String report = found.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + ":\n    " + String.join("\n    ", e.getValue()))
                .collect(Collectors.joining("\n"));
        String known = KNOWN_FAILURES.getOrDefault(screen.id() + " " + theme + " " + size,
                KNOWN_FAILURES.get(screen.id()));
        if (known != null) {
            System.out.println("LayoutTest " + screen.id() + " " + theme + " " + size + " (known failure: " + known
                    + "):\n" + (report.isEmpty() ? "  nothing found: remove the KNOWN_FAILURES entry" : report));
            Assumptions.abort("KNOWN FAILURE, listed in LayoutTest.KNOWN_FAILURES: " + known);
        }
        assertThat(report).as(screen.id() + " in the " + theme + " theme at " + size + (actionsOnly
                ? ": buttons cut off or outside the window" : ": cut-off text")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aCutOffCellWithItsTextAsTooltipFailsOutsideTheColumnsDesignedToElide() throws Exception {
        String id = "i-j6c0123456789abcdef0-with-a-long-suffix";
        java.util.function.Function<String, String> checkedIn = columnId -> {
            javafx.scene.control.TableView<String> table = new javafx.scene.control.TableView<>(javafx.collections.FXCollections.observableArrayList(id));
            javafx.scene.control.TableColumn<String, String> column = new javafx.scene.control.TableColumn<>("Instance");
            column.setId(columnId);
            column.setPrefWidth(90);
            column.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue()));
            dev.nettune.ui.common.Columns.fullTextInTooltip(column);
            table.getColumns().add(column);
            new Scene(table, 300, 200);
            table.applyCss();
            table.layout();
            Labeled cell = (Labeled) descendants(table).stream().filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                    && id.equals(c.getText())).findFirst().orElseThrow(() -> new AssertionError("no cell shows the id"));
            return cutOff(cell);
        };

        assertThat(WaitForAsyncUtils.asyncFx(() -> checkedIn.apply("instanceId")).get()).as("an ID column cut off, tooltip or not")
                .startsWith("TableCell").contains(" shows ");
        assertThat(WaitForAsyncUtils.asyncFx(() -> checkedIn.apply("journalDetail")).get()).as("a column designed to elide").isNull();
    }

    /** Selects each tab of every tab pane in turn (nested ones too) and checks it; the first tab is selected again. */
    private void walkTabs(Parent root, String where, boolean actionsOnly, Map<String, List<String>> found) {
        for (Node n : descendants(root)) {
            if (n instanceof TabPane tabs && n.isVisible()) {
                Tab first = tabs.getSelectionModel().getSelectedItem();
                for (Tab t : List.copyOf(tabs.getTabs())) {
                    if (t == first || t.isDisabled()) {
                        continue;
                    }
                    robot.interact(() -> tabs.getSelectionModel().select(t));
                    settle(root);
                    found.put(where + " / tab \"" + t.getText() + "\"", check(t.getContent() instanceof Parent p ? p
                            : root, actionsOnly));
                }
                robot.interact(() -> tabs.getSelectionModel().select(first));
            }
        }
    }

    /**
     * Opens a wizard with its button, checks each page while Next is enabled, then cancels it. For the production
     * setup, {@code cloudPart} walks its cloud pages and stops at the review; otherwise its cloud part is left out.
     */
    private void walkWizard(String opener, boolean actionsOnly, Map<String, List<String>> found, boolean cloudPart, String size) {
        String walk = opener.equals(PRODUCTION) ? opener + (cloudPart ? " (cloud part)" : " (host part)") : opener;
        // A screen may still be reading (the Cloud screen connects first): give its opener time to be enabled.
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(opener).tryQuery().map(n -> !n.isDisabled()).orElse(false));
        } catch (TimeoutException e) {
            // reported below as not openable
        }
        var button = robot.lookup(opener).tryQuery();
        try {
            // Some wizards act on a selected row (the Cloud screen's timeouts and RSS wizards need an ENI): pick the
            // first row of each table that has none selected, as a user would, and again after the screen re-reads its
            // tables (closing the previous wizard refreshes them, which clears the selection).
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                if (button.isPresent() && button.get().isDisabled()) {
                    robot.interact(() -> descendants(window.root()).stream().filter(n -> n instanceof javafx.scene.control.TableView<?>
                            t && t.isVisible() && !t.getItems().isEmpty() && t.getSelectionModel().isEmpty())
                            .forEach(n -> ((javafx.scene.control.TableView<?>) n).getSelectionModel().selectFirst()));
                }
                return button.isPresent() && !button.get().isDisabled();
            });
        } catch (TimeoutException e) {
            // reported below
        }
        if (button.isEmpty() || button.get().isDisabled()) {
            found.put("wizard " + walk, List.of("cannot open: no enabled button " + opener + " on the screen"
                    + " (update LayoutTest.WIZARDS)"));
            return;
        }
        List<Window> before = List.copyOf(Window.getWindows());
        AtomicReference<Window> dialog = new AtomicReference<>();
        // The screen may refresh after the previous wizard closed, disabling its buttons for a moment: a press on a
        // disabled button does nothing, so wait until it is enabled and press again (three tries).
        for (int attempt = 0; attempt < 3 && dialog.get() == null; attempt++) {
            try {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !button.get().isDisabled());
            } catch (TimeoutException e) {
                // tried below; reported if no window opens
            }
            // Not interact(): a wizard opens with showAndWait, whose nested event loop would block it.
            javafx.application.Platform.runLater(() -> ((ButtonBase) button.get()).fire());
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                    Window.getWindows().stream().filter(w -> !before.contains(w) && w.isShowing()).findFirst()
                            .ifPresent(dialog::set);
                    return dialog.get() != null;
                });
            } catch (TimeoutException e) {
                // pressed while disabled: try again
            }
        }
        if (dialog.get() == null) {
            found.put("wizard " + walk, List.of("no window opened within 3 tries of 10 s (button disabled: "
                    + button.get().isDisabled() + ")"));
            return;
        }
        Parent page = dialog.get().getScene().getRoot();
        for (int n = 1; n <= MAX_WIZARD_PAGES; n++) {
            settle(page);
            Parent current = dialog.get().getScene().getRoot();
            List<String> problems = new ArrayList<>(check(current, actionsOnly));
            if (actionsOnly) {
                // The wizard is a window of its own: on a screen of this size it must fit, or its buttons are off-screen.
                String[] wh = size.split("x");
                Window w = dialog.get();
                if (w.getWidth() > Integer.parseInt(wh[0]) || w.getHeight() > Integer.parseInt(wh[1])) {
                    problems.add("the wizard window is " + (int) w.getWidth() + "x" + (int) w.getHeight() + ", larger than a " + size + " screen");
                }
            }
            found.put("wizard " + walk + " page " + n, problems);
            shot(dialog.get().getScene(), shotName + "-" + opener.substring(1) + (opener.equals(PRODUCTION) ? (cloudPart ? "-cloud" : "-host") : "")
                    + "-" + (n < 10 ? "0" : "") + n);
            if (cloudPart && header(current).contains("Review")) {
                break;
            }
            var next = descendants(current).stream().filter(x -> x instanceof ButtonBase b && "Next".equals(b.getText())
                    && b.isVisible() && !b.isDisabled()).findFirst();
            var cloudPartTicked = descendants(current).stream().filter(x -> x instanceof javafx.scene.control.CheckBox c
                    && "prodRunCloud".equals(c.getId()) && c.isSelected()).findFirst();
            if (cloudPartTicked.isPresent() && !cloudPart) {
                // The production setup's cloud pages are the secondary-ENI wizard's, walked on their own: go to the host part.
                robot.interact(() -> ((ButtonBase) cloudPartTicked.get()).fire());
            }
            var skip = descendants(current).stream().filter(x -> x instanceof ButtonBase b && "prodSkip".equals(b.getId())
                    && b.isVisible() && !b.isDisabled()).findFirst();
            if (next.isEmpty() && skip.isPresent()) {
                // A host step of the production setup holds Next until it is applied or skipped: skip it, as a user may.
                robot.interact(() -> ((ButtonBase) skip.get()).fire());
                next = descendants(current).stream().filter(x -> x instanceof ButtonBase b && "Next".equals(b.getText())
                        && b.isVisible() && !b.isDisabled()).findFirst();
            }
            if (next.isEmpty()) {
                break;
            }
            Node press = next.get();
            javafx.application.Platform.runLater(() -> ((ButtonBase) press).fire());
            WaitForAsyncUtils.waitForFxEvents();
        }
        // Cancel as a user would, so the wizard's showAndWait returns and the screen is usable again.
        Parent last = dialog.get().getScene().getRoot();
        var cancel = descendants(last).stream().filter(x -> x instanceof ButtonBase b && "Cancel".equals(b.getText())
                && b.isVisible() && !b.isDisabled()).findFirst();
        javafx.application.Platform.runLater(() -> {
            if (cancel.isPresent()) {
                ((ButtonBase) cancel.get()).fire();
            } else {
                dialog.get().hide();
            }
        });
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.get().isShowing());
        } catch (TimeoutException e) {
            found.put("wizard " + walk + " closing", List.of("Cancel did not close the wizard within 10 s"));
            robot.interact(() -> dialog.get().hide());
        }
    }

    /** The header of the wizard page shown under {@code root}. */
    private static String header(Parent root) {
        return descendants(root).stream().filter(n -> n instanceof javafx.scene.control.DialogPane d && d.isVisible())
                .map(n -> ((javafx.scene.control.DialogPane) n).getHeaderText()).filter(h -> h != null).reduce((a, b) -> b).orElse("");
    }

        /** Saves what the user sees (with -Dlayout.shots=DIR) for a person to look at. */
    private static void shot(Scene scene, String name) {
        if (SHOTS.isBlank()) {
            return;
        }
        try {
            javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            Path dir = Path.of(SHOTS);
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
        } catch (Exception e) {
            System.out.println("LayoutTest: no screenshot " + name + ": " + e);
        }
    }

    /** Waits until the texts under {@code root} stop changing (background reads finished), at most 5 s. */
    static void settle(Parent root) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                String now = WaitForAsyncUtils.asyncFx(() -> texts(root)).get();
                return now.equals(last.getAndSet(now));
            });
        } catch (TimeoutException e) {
            // A live screen (the Monitor's charts) never stops changing: check it as it is now.
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String texts(Parent root) {
        StringBuilder b = new StringBuilder();
        for (Node n : descendants(root)) {
            if (n instanceof Labeled l) {
                b.append(l.getText()).append('|').append((int) l.getWidth()).append('\n');
            }
        }
        return b.toString();
    }

    /** Every cut-off text (or, for actions only, every cut-off or unreachable button) under {@code root}. */
    static List<String> check(Parent root, boolean actionsOnly) {
        List<String> out = new ArrayList<>();
        try {
            out.addAll(WaitForAsyncUtils.asyncFx(() -> {
                List<String> found = new ArrayList<>();
                root.applyCss();
                root.layout();
                for (Node n : descendants(root)) {
                    if (!(n instanceof Labeled l) || !showing(l)) {
                        continue;
                    }
                    if (actionsOnly && !(l instanceof ButtonBase)) {
                        continue;
                    }
                    String cut = cutOff(l);
                    if (cut != null) {
                        found.add(cut);
                    } else if (actionsOnly && !insideWindow(l)) {
                        found.add(describe(l) + " lies outside the window and no scroll pane reaches it");
                    }
                }
                return found;
            }).get());
        } catch (Exception e) {
            out.add("the check itself failed: " + e);
        }
        return out;
    }

    /** Null when the label shows its whole text; else what it shows instead. */
    static String cutOff(Labeled l) {
        String text = l.getText();
        if (text == null || text.isEmpty()) {
            return null;
        }
        Text shown = l.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(Text.class::cast)
                .findFirst().orElse(null);
        if (shown == null) {
            return null;
        }
        String expected = l.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        if (shown.getText().equals(expected)) {
            return null;
        }
        if (l instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null && cell.getTableColumn().getId() != null
                && ELIDING_COLUMNS.containsKey(cell.getTableColumn().getId()) && l.getTooltip() != null && text.equals(l.getTooltip().getText())) {
            return null;
        }
        return describe(l) + " shows \"" + shown.getText().replace("\n", " / ") + "\"";
    }

    private static String describe(Labeled l) {
        List<String> path = new ArrayList<>();
        for (Node p = l.getParent(); p != null && path.size() < 6; p = p.getParent()) {
            if (p.getId() != null) {
                path.add(0, "#" + p.getId());
            }
        }
        String type = l.getClass().getSimpleName().isEmpty() ? l.getClass().getSuperclass().getSimpleName()
                : l.getClass().getSimpleName();
        return type + (l.getId() == null ? "" : " #" + l.getId()) + " \"" + l.getText().replace("\n", " / ")
                + "\" (" + (int) l.getWidth() + " px wide" + (path.isEmpty() ? "" : ", in " + String.join(" > ", path))
                + ")";
    }

    /** Visible all the way up, laid out with a size. */
    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null && n.getLayoutBounds().getWidth() > 0;
    }

    private static boolean insideWindow(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane) {
                return true;
            }
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        Scene s = n.getScene();
        return b.getMinX() >= -1 && b.getMinY() >= -1 && b.getMaxX() <= s.getWidth() + 1 && b.getMaxY() <= s.getHeight() + 1;
    }

    static List<Node> descendants(Parent root) {
        return MainWindowStage.descendants(root);
    }
}
