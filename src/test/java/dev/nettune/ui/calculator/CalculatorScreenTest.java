package dev.nettune.ui.calculator;

import dev.nettune.ui.common.QueuePalette;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import dev.nettune.rss.RssKey;
import dev.nettune.testing.Fixtures;
import dev.nettune.ui.shell.MainWindow;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Calculator screen in a real (headless) JavaFX stage, driven like a user drives it. */
@ExtendWith(ApplicationExtension.class)
class CalculatorScreenTest {
    @TempDir
    Path config;

    private CalculatorView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = CalculatorView.load(new AppContext(config));
        Scene scene = new Scene(view.root(), 1200, 800);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private static void setText(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).setText(text));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static void replaceByTyping(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingAFlowShowsItsQueue(FxRobot robot) {
        setText(robot, "#keyField", RssKey.MICROSOFT.toColonHex());
        setText(robot, "#sourceField", "66.9.149.187");
        setText(robot, "#destinationField", "161.142.100.80");
        setText(robot, "#sourcePortField", "2794");
        setText(robot, "#destinationPortField", "");
        assertThat(text(robot, "#queueLabel")).isEqualTo(CalculatorViewModel.NONE);

        replaceByTyping(robot, "#destinationPortField", "1766");

        // Published hash 0x51ccc178: bucket 120 of 128, and equal 64 puts queue 56 there.
        assertThat(text(robot, "#hashHexLabel")).isEqualTo("0x51ccc178");
        assertThat(text(robot, "#bucketLabel")).isEqualTo("120");
        assertThat(text(robot, "#queueLabel")).isEqualTo("56");
        assertThat(robot.lookup("#bucket-120").queryAs(Label.class).getStyleClass()).contains("selected-bucket");
    }

    @Test
    void theSwatchBesideTheQueueTakesTheNewQueuesColour(FxRobot robot) {
        setText(robot, "#keyField", RssKey.MICROSOFT.toColonHex());
        setText(robot, "#sourceField", "66.9.149.187");
        setText(robot, "#destinationField", "161.142.100.80");
        setText(robot, "#sourcePortField", "2794");
        replaceByTyping(robot, "#destinationPortField", "1766");
        String first = robot.lookup("#queueSwatch").queryAs(Region.class).getStyle();

        replaceByTyping(robot, "#destinationPortField", "1767");

        int queue = Integer.parseInt(text(robot, "#queueLabel"));
        assertThat(queue).isNotEqualTo(56);
        assertThat(robot.lookup("#queueSwatch").queryAs(Region.class).getStyle())
                .contains(QueuePalette.colour(queue)).isNotEqualTo(first);
    }

    @Test
    void aBadKeyShowsItsMessage(FxRobot robot) {
        replaceByTyping(robot, "#keyField", "6d:5a:zz");

        Label error = robot.lookup("#keyErrorLabel").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Key byte 3 is 'zz': each byte must be one or two hex digits (0-9, a-f).");
        assertThat(text(robot, "#queueLabel")).isEqualTo(CalculatorViewModel.NONE);
    }

    @Test
    void changingTheTableModeChangesTheGridAndCounts(FxRobot robot) {
        assertThat(robot.lookup("#legend-q63").tryQuery()).isPresent();

        robot.clickOn("#tableModeBox");
        robot.clickOn(TableFill.WEIGHT.label());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#legend-q63").tryQuery()).isEmpty();
        assertThat(legendText(robot, 0)).endsWith(" 76");
        assertThat(legendText(robot, 1)).endsWith(" 52");
        assertThat(robot.lookup("#bucket-75").queryAs(Label.class).getText()).isEqualTo("0");
        assertThat(robot.lookup("#bucket-76").queryAs(Label.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#bucket-76").queryAs(Label.class).getStyle()).contains(QueuePalette.colour(1));
    }

    private static String legendText(FxRobot robot, int queue) {
        HBox chip = robot.lookup("#legend-q" + queue).queryAs(HBox.class);
        return ((Label) chip.getChildren().get(1)).getText();
    }

    @Test
    void hoveringABucketShowsItsQueue(FxRobot robot) {
        robot.moveTo("#bucket-70");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#hoverLabel")).startsWith("bucket 70 \u2192 queue 6");
    }

    @Test
    void pastingAnEthtoolOutputTakesItsTableAndKey(FxRobot robot) {
        robot.interact(() -> robot.lookup("#pastePane").queryAs(TitledPane.class).setExpanded(true));
        robot.interact(() -> robot.lookup("#pasteArea").queryAs(TextArea.class)
                .setText(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-x.txt")));
        robot.interact(() -> robot.lookup(".calc-form-scroll").queryAs(ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#applyPasteButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#keyField").queryAs(TextArea.class).getText()).isEqualTo(RssKey.MICROSOFT.toColonHex());
        assertThat(legendText(robot, 3)).endsWith(" 32");
        assertThat(robot.lookup("#legend-q4").tryQuery()).isEmpty();
    }
}
