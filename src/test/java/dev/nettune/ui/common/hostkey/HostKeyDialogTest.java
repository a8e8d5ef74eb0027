package dev.nettune.ui.common.hostkey;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.host.HostKeyDecision.Choice;
import dev.nettune.host.UnknownHostKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dialogs in a real (headless) JavaFX stage, answered by clicking as a user would, from a connection thread. */
@ExtendWith(ApplicationExtension.class)
class HostKeyDialogTest {
    private static final UnknownHostKey KEY = new UnknownHostKey("[10.0.0.5]:2222", "ssh-ed25519",
            "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s", Path.of("/home/u/.ssh/known_hosts"), List.of());
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @org.junit.jupiter.api.AfterEach
    void closeLeftoverDialogs(FxRobot robot) {
        robot.interact(() -> List.copyOf(javafx.stage.Window.getWindows()).stream().filter(w -> w != stage).forEach(javafx.stage.Window::hide));
    }

    private static void waitForVisible(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(query).match(javafx.scene.Node::isVisible).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private CompletableFuture<Choice> askFromAConnectionThread() {
        FxHostPrompts prompts = new FxHostPrompts(() -> stage);
        return CompletableFuture.supplyAsync(() -> prompts.decide(KEY));
    }

    @Test
    void theDialogShowsTheFingerprintAndAcceptAndSaveAnswersTheConnection(FxRobot robot) throws Exception {
        CompletableFuture<Choice> answer = askFromAConnectionThread();
        waitForVisible(robot, ".host-key-dialog");
        assertThat(robot.lookup(".host-key-dialog .text-field").queryAs(TextField.class).getText()).isEqualTo(KEY.fingerprint());
        robot.clickOn("Accept and save");
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(Choice.ACCEPT_AND_SAVE);
    }

    @Test
    void afterASwitchToChineseTheButtonsAreChineseAndStillAnswer(FxRobot robot) throws Exception {
        // HostKeyDialog's button types are made once, in English here (the language of first use).
        assertThat(HostKeyDialog.REFUSE.getText()).isEqualTo("Refuse");
        dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.CHINESE);
        try {
            CompletableFuture<Choice> answer = askFromAConnectionThread();
            waitForVisible(robot, ".host-key-dialog");
            assertThat(robot.lookup("接受并保存").tryQuery()).isPresent();
            assertThat(robot.lookup("仅本次接受").tryQuery()).isPresent();
            robot.clickOn("拒绝");
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(Choice.REFUSE);
        } finally {
            dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
        }
    }

    @Test
    void enterRefuses(FxRobot robot) throws Exception {
        CompletableFuture<Choice> answer = askFromAConnectionThread();
        waitForVisible(robot, ".host-key-dialog");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(Choice.REFUSE);
    }

    @Test
    void aMismatchingPastedFingerprintDisablesAccepting(FxRobot robot) throws Exception {
        CompletableFuture<Choice> answer = askFromAConnectionThread();
        waitForVisible(robot, ".host-key-dialog");
        TextField expected = robot.lookup(".host-key-dialog .text-field").queryAllAs(TextField.class).stream()
                .filter(TextField::isEditable).findFirst().orElseThrow();
        robot.clickOn(expected).write("SHA256:notTheSame");
        assertThat(robot.lookup("Accept and save").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("Accept once").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("Refuse");
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(Choice.REFUSE);
    }

    @Test
    void theSudoPromptHandsOverWhatWasTyped(FxRobot robot) throws Exception {
        FxHostPrompts prompts = new FxHostPrompts(() -> stage);
        CompletableFuture<Optional<char[]>> answer = CompletableFuture.supplyAsync(
                () -> prompts.sudoPassword("prod", "'ethtool -X eth1 equal 4' needs root.", false));
        waitForVisible(robot, ".password-prompt");
        assertThat(robot.lookup("OK").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn(".password-prompt .password-field").write("s3cret");
        robot.clickOn("OK");
        assertThat(answer.get(10, TimeUnit.SECONDS)).hasValueSatisfying(pw -> assertThat(new String(pw)).isEqualTo("s3cret"));
    }
}
