package dev.nettune.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A dialog's standard buttons follow the app's language, not the JVM's locale; buttons NetTune named keep their names. */
@ExtendWith(ApplicationExtension.class)
class DialogButtonsTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    private static String text(DialogPane pane, ButtonType type) {
        return ((Button) pane.lookupButton(type)).getText();
    }

    @Test
    void okAndCancelAreChineseOnAChineseScreen(FxRobot robot) {
        Messages.use(Messages.CHINESE);
        String[] shown = new String[2];
        robot.interact(() -> {
            DialogPane pane = DialogButtons.say(new Alert(Alert.AlertType.CONFIRMATION, "?", ButtonType.OK, ButtonType.CANCEL).getDialogPane());
            shown[0] = text(pane, ButtonType.OK);
            shown[1] = text(pane, ButtonType.CANCEL);
        });
        assertThat(shown).containsExactly("确定", "取消");
    }

    @Test
    void aWizardsFinishAndCloseAreNamedToo(FxRobot robot) {
        Messages.use(Messages.CHINESE);
        String[] shown = new String[2];
        robot.interact(() -> {
            DialogPane pane = new DialogPane();
            pane.getButtonTypes().setAll(ButtonType.FINISH, ButtonType.CLOSE);
            DialogButtons.say(pane);
            shown[0] = text(pane, ButtonType.FINISH);
            shown[1] = text(pane, ButtonType.CLOSE);
        });
        assertThat(shown).containsExactly("完成", "关闭");
    }

    @Test
    void aButtonNetTuneNamedKeepsItsName(FxRobot robot) {
        Messages.use(Messages.CHINESE);
        String[] shown = new String[1];
        robot.interact(() -> {
            ButtonType apply = new ButtonType("应用 5 步", ButtonBar.ButtonData.OK_DONE);
            DialogPane pane = DialogButtons.say(new Alert(Alert.AlertType.CONFIRMATION, "?", apply, ButtonType.CANCEL).getDialogPane());
            shown[0] = text(pane, apply);
        });
        assertThat(shown).containsExactly("应用 5 步");
    }

    @Test
    void englishSaysOkAndCancel(FxRobot robot) {
        String[] shown = new String[2];
        robot.interact(() -> {
            DialogPane pane = DialogButtons.say(new Alert(Alert.AlertType.CONFIRMATION, "?", ButtonType.OK, ButtonType.CANCEL).getDialogPane());
            shown[0] = text(pane, ButtonType.OK);
            shown[1] = text(pane, ButtonType.CANCEL);
        });
        assertThat(shown).containsExactly("OK", "Cancel");
    }
}
