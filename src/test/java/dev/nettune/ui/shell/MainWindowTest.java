package dev.nettune.ui.shell;

import dev.nettune.ui.common.ScreenId;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window: which screen it opens on, the rail, and the theme switch. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    Path config;

    private MainWindow window;
    private AppContext context;

    @Start
    void start(Stage stage) {
        context = new AppContext(config);
        window = new MainWindow(context);
        Scene scene = new Scene(window.root(), 1200, 800);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void lightAgain() {
        dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void opensOnTheFirstPreferredScreenThatExists() {
        ScreenId expected = MainWindow.startScreen(Screens.all());

        assertThat(MainWindow.START_PREFERENCE).contains(expected);
        assertThat(window.titleProperty().get()).isEqualTo("NetTune \u2014 "
                + Screens.all().stream().filter(s -> s.id() == expected).findFirst().orElseThrow().title());
    }

    @Test
    void theCalculatorIsOneClickAway(FxRobot robot) {
        robot.clickOn("#nav-calculator");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#nav-calculator").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#queueLabel").tryQuery()).isPresent();
        assertThat(window.titleProperty().get()).isEqualTo("NetTune \u2014 Calculator");
    }

    @Test
    void theThemeSwitchGoesDarkAndIsRemembered(FxRobot robot) throws Exception {
        robot.clickOn("#nav-theme");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.darkProperty().get()).isTrue();
        // The user-agent stylesheet imports the theme's (with NetTune's font rules beside it, ui.common.Fonts).
        String ua = Application.getUserAgentStylesheet();
        String css = ua.startsWith("data:text/css;base64,") ? new String(java.util.Base64.getDecoder().decode(
                ua.substring("data:text/css;base64,".length())), java.nio.charset.StandardCharsets.UTF_8) : ua;
        assertThat(css).contains("primer-dark");
        context.settings().flush();
        assertThat(Files.readString(config.resolve("settings.properties"))).contains("theme=dark");
        assertThat(dev.nettune.app.SettingsStore.open(config).current().dark()).isTrue();
    }

    @Test
    void theLastScreenShownIsTheNextStartScreen(FxRobot robot) {
        robot.clickOn("#nav-calculator");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.settings().current().lastScreen()).contains("calculator");
        assertThat(MainWindow.startScreen(Screens.all(), context.settings().current().lastScreen()))
                .isEqualTo(ScreenId.CALCULATOR);
        assertThat(MainWindow.startScreen(Screens.all(), java.util.Optional.of("gone")))
                .isEqualTo(MainWindow.startScreen(Screens.all()));
    }

    @Test
    void theLanguageButtonSwitchesToChineseAtOnceAndIsRemembered(FxRobot robot) {
        robot.clickOn("#nav-calculator");
        robot.clickOn("#nav-language");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#nav-calculator").queryAs(ToggleButton.class).getText()).isEqualTo("计算器");
        assertThat(robot.lookup("#nav-calculator").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(window.titleProperty().get()).isEqualTo("NetTune \u2014 计算器");
        assertThat(robot.lookup("#nav-language").queryAs(javafx.scene.control.Button.class).getText()).isEqualTo("English");
        assertThat(context.settings().current().language()).contains("zh-CN");

        robot.clickOn("#nav-language");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#nav-calculator").queryAs(ToggleButton.class).getText()).isEqualTo("Calculator");
        assertThat(context.settings().current().language()).contains("en");
        // In English the button says 中文: drawn in a family that has it (on Linux the toolkit's own font drew boxes).
        javafx.scene.control.Button language = robot.lookup("#nav-language").queryAs(javafx.scene.control.Button.class);
        dev.nettune.ui.common.Fonts.chineseFamily().ifPresent(f -> assertThat(language.getFont().getFamily()).isEqualTo(f));
    }

    @Test
    void everyScreenHasADistinctId() {
        assertThat(Screens.all()).extracting(ScreenFactory::id).doesNotHaveDuplicates();
    }
}
