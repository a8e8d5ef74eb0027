package dev.nettune.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.ScreenId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen of the main window in Simplified Chinese at 1280x800: the rail and the screen speak Chinese,
 * no key is missing, no English sentence is left in what is shown (status lines, logs and hints made at run
 * time included), and no text is cut off (the same check as {@link LayoutTest}; its known failures,
 * which are the same in both languages, are reported and skipped). Needs a CJK font (Debian:
 * fonts-noto-cjk, which .ci/run installs on CI); without one the glyphs' widths mean nothing and it skips.
 */
class ChineseScreensTest {
    @TempDir
    static Path config;

    private static AppContext context;
    private static MainWindow window;
    private static Locale system;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        Assumptions.assumeTrue(Font.getFamilies().stream().anyMatch(f -> f.contains("CJK") || f.contains("Droid Sans Fallback")
                || f.contains("WenQuanYi") || f.endsWith(" SC")), "no CJK font installed (apt-get install fonts-noto-cjk)");
        system = Locale.getDefault();
        Messages.use(Messages.CHINESE);
        // As NetTuneApp does: JavaFX's own texts (an empty table's placeholder) follow the default locale.
        Locale.setDefault(Messages.CHINESE);
        FxToolkit.registerPrimaryStage();
        context = new AppContext(config);
        FxToolkit.setupStage(s -> {
            window = new MainWindow(context);
            Scene scene = new Scene(window.root(), 1280, 800);
            scene.getStylesheets().add(MainWindow.stylesheet());
            s.setScene(scene);
            s.setWidth(1280);
            s.setHeight(800);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void close() throws Exception {
        Messages.use(Messages.ENGLISH);
        Locale.setDefault(system);
        if (window != null) {
            FxToolkit.setupFixture(() -> window.close());
            context.close();
            FxToolkit.cleanupStages();
        }
    }

    static Stream<ScreenId> screens() {
        return Screens.all().stream().map(ScreenFactory::id);
    }

    @ParameterizedTest(name = "{0} in Chinese")
    @MethodSource("screens")
    void theScreenSpeaksChineseAndNothingIsCutOff(ScreenId screen) {
        robot.interact(() -> window.show(screen));
        Parent content = (Parent) window.root().getCenter();
        LayoutTest.settle(content);

        ToggleButton rail = robot.lookup("#nav-" + screen.id()).queryAs(ToggleButton.class);
        assertThat(rail.getText()).isEqualTo(Messages.get("screen." + screen.id())).matches(".*\\p{IsHan}.*");
        assertThat(window.titleProperty().get()).contains(rail.getText());
        List<String> texts = new ArrayList<>();
        robot.interact(() -> descendants(content).stream().filter(n -> n instanceof Labeled l && l.isVisible()
                && l.getText() != null).forEach(n -> texts.add(((Labeled) n).getText())));
        assertThat(texts).as("keys missing from the Chinese bundle").noneMatch(t -> t.matches("(?s).*![A-Za-z0-9_.]+!.*"));
        assertThat(texts).as("Chinese text on the " + screen.id() + " screen").anyMatch(t -> t.matches("(?s).*\\p{IsHan}.*"));
        List<String> english = new ArrayList<>();
        robot.interact(() -> english.addAll(englishPhrases(content)));
        assertThat(english).as("English sentences left on the " + screen.id() + " screen in Chinese (status lines, logs,"
                + " hints made at run time must come from the bundles)").isEmpty();

        List<String> cut = LayoutTest.check(window.root(), false);
        String known = LayoutTest.KNOWN_FAILURES.get(screen.id());
        if (known != null) {
            System.out.println("ChineseScreensTest " + screen.id() + " (known failure: " + known + "):\n    "
                    + String.join("\n    ", cut));
            Assumptions.abort("KNOWN FAILURE, listed in LayoutTest.KNOWN_FAILURES: " + known);
        }
        assertThat(cut).as(screen.id() + " in Chinese at 1280x800: cut-off text").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void chineseIsDrawnInAFamilyThatHasItsGlyphs() {
        // JavaFX's "System" font on Linux has no CJK fallback when only Noto CJK is installed: it drew boxes.
        String family = dev.nettune.ui.common.Fonts.chineseFamily().orElse(null);
        Assumptions.assumeTrue(family != null, "none of the usual Chinese families is installed");
        robot.interact(() -> window.show(ScreenId.WELCOME));
        Parent content = (Parent) window.root().getCenter();
        LayoutTest.settle(content);
        List<String> families = new ArrayList<>();
        robot.interact(() -> descendants(content).stream().filter(n -> n instanceof Labeled l && l.isVisible() && l.getText() != null
                && l.getText().matches("(?s).*\\p{IsHan}.*")).forEach(n -> families.add(((Labeled) n).getFont().getFamily())));
        assertThat(families).as("the families Chinese labels are drawn in").isNotEmpty().containsOnly(family);
        assertThat(dev.nettune.ui.common.Fonts.chart(java.awt.Font.PLAIN, 11).getFamily()).as("the charts' family").isEqualTo(family);

        // Logs and previews (.mono) hold Chinese lines too: a monospaced family that has the glyphs.
        robot.interact(() -> window.show(ScreenId.TUNING));
        LayoutTest.settle((Parent) window.root().getCenter());
        String[] mono = new String[1];
        robot.interact(() -> mono[0] = ((javafx.scene.control.TextArea) window.root().getCenter().lookup("#previewArea")).getFont().getFamily());
        assertThat(mono[0]).as("the Tuning preview's family").isEqualTo(dev.nettune.ui.common.Fonts.chineseMonoFamily().orElseThrow());
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void theBuiltInProfilesAreNamedInChineseWhereTheyArePicked() {
        for (ScreenId screen : List.of(ScreenId.TUNING, ScreenId.PROFILES)) {
            robot.interact(() -> window.show(screen));
            Parent content = (Parent) window.root().getCenter();
            LayoutTest.settle(content);
            javafx.scene.control.ComboBox<Object> box = (javafx.scene.control.ComboBox<Object>) content.lookup("#profileBox");
            try {
                // The profiles are read off the FX thread when the screen opens.
                WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                        () -> box.getItems().size() >= 3 && box.getValue() != null);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(screen + ": no profiles offered", e);
            }
            List<String> names = new ArrayList<>();
            robot.interact(() -> {
                names.add(box.getConverter().toString(box.getValue()));
                box.getItems().forEach(p -> names.add(box.getConverter().toString(p)));
            });
            assertThat(names).as(screen + ": the profile picked and the built-in profiles offered")
                    .hasSizeGreaterThanOrEqualTo(4).allMatch(n -> n.matches(".*\\p{IsHan}.*"));
        }
    }

    static List<String> englishPhrases(Parent root) {
        return EnglishLeft.shownUnder(root);
    }

    private static List<Node> descendants(Parent root) {
        List<Node> out = new ArrayList<>();
        for (Node n : root.getChildrenUnmodifiable()) {
            out.add(n);
            if (n instanceof Parent p) {
                out.addAll(descendants(p));
            }
        }
        return out;
    }
}
