package dev.nettune.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.ScreenId;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The navigation rail at 1280x800: every screen's button and the language and theme buttons are on screen without
 * scrolling the rail, in both themes and both languages (a rail that scrolls hides the settings below the fold).
 */
class NavRailTest {
    @TempDir
    static Path config;
    private static AppContext context;
    private static MainWindowStage shown;
    private static MainWindow window;
    private static Locale before;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        before = Messages.locale();
        context = new AppContext(config);
        shown = MainWindowStage.open(context);
        window = shown.window;
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.setupFixture(() -> window.switchLanguage(before));
        shown.close();
        context.close();
    }

    @ParameterizedTest(name = "{0} theme, {1}")
    @CsvSource({"light, en", "dark, en", "light, zh_CN", "dark, zh_CN"})
    void everyRailButtonIsVisibleWithoutScrollingAt1280x800(String theme, String language) {
        robot.interact(() -> {
            window.switchLanguage(language.equals("en") ? Messages.ENGLISH : Messages.CHINESE);
            window.darkProperty().set(theme.equals("dark"));
            window.show(ScreenId.WELCOME);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = shown.stage.getScene();
        assertThat(scene.getHeight()).isEqualTo(800);
        List<Node> rail = LayoutTest.descendants(window.root()).stream()
                .filter(n -> n instanceof ButtonBase && n.getId() != null && n.getId().startsWith("nav-")).toList();
        assertThat(rail).extracting(Node::getId).contains("nav-" + ScreenId.WELCOME.id(), "nav-" + ScreenId.JOURNAL.id(), "nav-language",
                "nav-theme").hasSize(ScreenId.values().length + 2);

        List<String> scrolled = LayoutTest.descendants(window.root()).stream().filter(n -> n instanceof ScrollPane s
                && s.getStyleClass().contains("nav-rail-scroll") && s.getVvalue() > s.getVmin()).map(Node::toString).toList();
        assertThat(scrolled).as("the rail is shown from its top").isEmpty();
        for (Node b : rail) {
            Bounds at = b.localToScene(b.getLayoutBounds());
            assertThat(b.isVisible()).as(b.getId()).isTrue();
            assertThat(at.getMinY()).as(b.getId() + " starts inside the window").isGreaterThanOrEqualTo(0);
            assertThat(at.getMaxY()).as(b.getId() + " ends inside the 800 px window, not below the fold").isLessThanOrEqualTo(scene.getHeight());
            assertThat(LayoutTest.cutOff((ButtonBase) b)).as(b.getId() + " shows its whole label").isNull();
        }
    }
}
