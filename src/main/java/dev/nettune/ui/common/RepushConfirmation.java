package dev.nettune.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;

/**
 * The question asked before key and table are pushed again (the Verify tab and the production setup's
 * verify page): the exact plan, commands and before/after, and a yes that names the action.
 */
public final class RepushConfirmation {
    private RepushConfirmation() {
    }

    /** Shows {@code preview} over {@code anchor}'s window and waits; true only on the user's explicit yes. */
    public static boolean confirm(Node anchor, String preview, String previewId) {
        TextArea text = new TextArea(preview);
        text.setId(previewId);
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("monospace");
        text.setPrefRowCount(14);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.setTitle(Messages.get("monitor.verify.repush.title"));
        a.setHeaderText(Messages.get("monitor.verify.repush.header"));
        a.getDialogPane().setContent(text);
        a.getDialogPane().setPrefWidth(720);
        a.setResizable(true);
        a.getButtonTypes().setAll(new ButtonType(Messages.get("monitor.verify.repush.confirm"), ButtonBar.ButtonData.OK_DONE),
                ButtonType.CANCEL);
        DialogButtons.say(a.getDialogPane());
        a.initOwner(anchor.getScene() == null ? null : anchor.getScene().getWindow());
        return a.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }
}
