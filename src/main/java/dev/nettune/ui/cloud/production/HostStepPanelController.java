package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.ShownText;
import javafx.beans.binding.StringExpression;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;

/** The part every host step page shares: Preview, Apply, Undo, Skip, the preview text, the values read back, the progress. */
public final class HostStepPanelController {
    private final HostStepModel model;
    private final StringExpression progressText;
    @FXML
    Label problem;
    @FXML
    Button preview;
    @FXML
    Button apply;
    @FXML
    Button undo;
    @FXML
    ToggleButton skip;
    @FXML
    ProgressIndicator busy;
    @FXML
    Label status;
    @FXML
    Label readBack;
    @FXML
    TextArea previewText;
    @FXML
    Label progress;

    public HostStepPanelController(HostStepModel model, StringExpression progressText) {
        this.model = model;
        this.progressText = progressText;
    }

    @FXML
    void initialize() {
        ShownText.bind(problem, model.problemProperty());
        preview.disableProperty().bind(model.canPreviewProperty().not());
        apply.disableProperty().bind(model.canApplyProperty().not());
        undo.disableProperty().bind(model.canUndoProperty().not());
        skip.disableProperty().bind(model.busyProperty().or(model.stateProperty().isEqualTo(HostStepModel.State.APPLIED)));
        model.stateProperty().addListener((o, was, is) -> skip.setSelected(is == HostStepModel.State.SKIPPED));
        skip.setSelected(model.stateProperty().get() == HostStepModel.State.SKIPPED);
        busy.visibleProperty().bind(model.busyProperty());
        status.textProperty().bind(model.statusProperty());
        ShownText.bind(readBack, model.readBackProperty());
        previewText.textProperty().bind(model.previewProperty());
        progress.textProperty().bind(progressText);
    }

    @FXML
    void onPreview() {
        model.preview();
    }

    @FXML
    void onApply() {
        if (model.needsConfirmation() && !confirm(Messages.get("cloud.production.confirm.apply"),
                Messages.format("cloud.production.confirm.applyQuestion", model.title(), model.host.get()))) {
            return;
        }
        model.apply();
    }

    @FXML
    void onUndo() {
        if (model.needsConfirmation() && !confirm(Messages.get("cloud.production.confirm.undo"),
                Messages.format("cloud.production.confirm.undoQuestion", model.planIdProperty().get(), model.host.get()))) {
            return;
        }
        model.undo();
    }

    @FXML
    void onSkip() {
        if (skip.isSelected()) {
            model.skip();
        } else {
            model.unskip();
        }
    }

    /** Asks before a change to a real host; the button says what it does (as on the Tuning screen). */
    private boolean confirm(String action, String question) {
        ButtonType go = new ButtonType(action, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, go, ButtonType.CANCEL);
        dev.nettune.ui.common.DialogButtons.say(a.getDialogPane());
        a.initOwner(status.getScene().getWindow());
        a.setTitle(Messages.format("cloud.production.confirm.title", action, model.host.get()));
        a.setHeaderText(Messages.get("cloud.production.confirm.header"));
        return a.showAndWait().filter(go::equals).isPresent();
    }
}
