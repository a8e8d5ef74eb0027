package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.RepushConfirmation;
import dev.nettune.ui.common.ShownText;
import javafx.beans.binding.StringExpression;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;

/** The verification page: sender and addresses, Verify, the verdict with its cause and false-pass probability, the re-push. */
public final class VerifyPageController {
    private final VerifyStepModel model;
    private final ObservableList<String> hosts;
    private final StringExpression progressText;
    @FXML
    Label why;
    @FXML
    ComboBox<String> sender;
    @FXML
    TextField source;
    @FXML
    TextField destination;
    @FXML
    Button run;
    @FXML
    Button cancel;
    @FXML
    Button repush;
    @FXML
    ToggleButton skip;
    @FXML
    ProgressIndicator busy;
    @FXML
    Label verdict;
    @FXML
    Label advice;
    @FXML
    Label status;
    @FXML
    TextArea detail;
    @FXML
    Label progress;

    public VerifyPageController(VerifyStepModel model, ObservableList<String> hosts, StringExpression progressText) {
        this.model = model;
        this.hosts = hosts;
        this.progressText = progressText;
    }

    @FXML
    void initialize() {
        why.setText(model.why());
        sender.setItems(hosts);
        SenderField.bind(sender, model.senderProperty());
        source.textProperty().bindBidirectional(model.sourceProperty());
        destination.textProperty().bindBidirectional(model.destinationProperty());
        run.disableProperty().bind(model.canRunProperty().not());
        cancel.disableProperty().bind(model.outcomeProperty().isNotEqualTo(VerifyStepModel.Outcome.RUNNING));
        repush.visibleProperty().bind(model.canRepushProperty());
        repush.managedProperty().bind(repush.visibleProperty());
        repush.disableProperty().bind(model.busyProperty());
        skip.disableProperty().bind(model.busyProperty());
        model.outcomeProperty().addListener((o, was, is) -> skip.setSelected(is == VerifyStepModel.Outcome.SKIPPED));
        skip.setSelected(model.outcomeProperty().get() == VerifyStepModel.Outcome.SKIPPED);
        busy.visibleProperty().bind(model.busyProperty());
        ShownText.bind(verdict, model.verdictProperty());
        Styles.toggle(verdict, "success", model.outcomeProperty().isEqualTo(VerifyStepModel.Outcome.PASS));
        Styles.toggle(verdict, "danger", model.outcomeProperty().isEqualTo(VerifyStepModel.Outcome.FAIL)
                .or(model.outcomeProperty().isEqualTo(VerifyStepModel.Outcome.NOT_RUN)));
        Styles.toggle(verdict, "warning", model.outcomeProperty().isEqualTo(VerifyStepModel.Outcome.INCONCLUSIVE));
        ShownText.bind(advice, model.adviceProperty());
        status.textProperty().bind(model.statusProperty());
        detail.textProperty().bind(model.detailProperty());
        progress.textProperty().bind(progressText);
        model.repushPreviewProperty().addListener((o, was, is) -> {
            if (is != null && !is.isEmpty()) {
                javafx.application.Platform.runLater(() -> confirmRepush(is));
            }
        });
    }

    @FXML
    void onRun() {
        model.run();
    }

    @FXML
    void onCancel() {
        model.cancel();
    }

    @FXML
    void onRepush() {
        model.previewRepush();
    }

    @FXML
    void onSkip() {
        if (skip.isSelected()) {
            model.skip();
        } else {
            model.unskip();
        }
    }

    /** Shows the re-push plan (exact commands, before and after) and applies it only on the user's yes (as the Verify tab does). */
    private void confirmRepush(String preview) {
        if (RepushConfirmation.confirm(repush, preview, "prodRepushPreview")) {
            model.confirmRepush();
        } else {
            model.dropRepush();
        }
    }
}
