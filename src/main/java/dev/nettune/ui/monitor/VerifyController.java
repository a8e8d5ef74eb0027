package dev.nettune.ui.monitor;

import dev.nettune.monitor.Scenario;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.RepushConfirmation;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.StringConverter;

/** Binds the Monitor's Verify tab to its {@link VerifyViewModel}. */
public final class VerifyController {
    private final VerifyViewModel model;
    private final MonitorTarget target;

    @FXML private ComboBox<String> senderBox;
    @FXML private ComboBox<Scenario> scenarioBox;
    @FXML private javafx.scene.control.CheckBox designedBox;
    @FXML private TextField sourceField;
    @FXML private TextField destinationField;
    @FXML private TextField interfaceField;
    @FXML private TextField countField;
    @FXML private TextField intervalMicrosField;
    @FXML private TextField sourcePortField;
    @FXML private TextField destinationPortField;
    @FXML private TextField commandsField;
    @FXML private Button verifyButton;
    @FXML private Label verdictLabel;
    @FXML private Label verdictDetailLabel;
    @FXML private TextArea fixArea;
    @FXML private Button handFixButton;
    @FXML private Button repushButton;

    VerifyController(VerifyViewModel model, MonitorTarget target) {
        this.model = model;
        this.target = target;
    }

    @FXML
    private void initialize() {
        senderBox.setItems(target.hostNames());
        senderBox.valueProperty().bindBidirectional(model.senderProperty());
        scenarioBox.getItems().setAll(Scenario.values());
        scenarioBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scenario s) {
                return s == null ? "" : s.number() + " — " + scenarioText(s);
            }

            @Override
            public Scenario fromString(String s) {
                return null;
            }
        });
        // The closed box names the scenario ("1 — Spread"); the list and the tooltip say it in full.
        scenarioBox.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Scenario s, boolean empty) {
                super.updateItem(s, empty);
                String full = empty || s == null ? null : s.number() + " — " + scenarioText(s);
                setText(full == null ? null : full.replaceFirst("[:：].*$", ""));
                setTooltip(full == null ? null : new javafx.scene.control.Tooltip(full));
            }
        });
        scenarioBox.valueProperty().bindBidirectional(model.scenarioProperty());
        designedBox.selectedProperty().bindBidirectional(model.designedProperty());
        scenarioBox.disableProperty().bind(model.designedProperty());
        verifyButton.textProperty().bind(Bindings.when(model.designedProperty())
                .then(Messages.get("monitor.verify.runDesigned")).otherwise(Messages.get("monitor.verify.runScenario")));
        sourceField.textProperty().bindBidirectional(model.sourceProperty());
        destinationField.textProperty().bindBidirectional(model.destinationProperty());
        interfaceField.textProperty().bindBidirectional(model.senderInterfaceProperty());
        interfaceField.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.scenarioProperty().get() != Scenario.SPREAD, model.scenarioProperty()));
        countField.textProperty().bindBidirectional(model.countProperty());
        intervalMicrosField.textProperty().bindBidirectional(model.intervalMicrosProperty());
        sourcePortField.textProperty().bindBidirectional(model.sourcePortProperty());
        destinationPortField.textProperty().bindBidirectional(model.destinationPortProperty());
        commandsField.textProperty().bind(model.commandsPreviewProperty());
        verifyButton.disableProperty().bind(model.verifyingProperty());
        verdictLabel.textProperty().bind(model.verdictProperty());
        verdictDetailLabel.textProperty().bind(model.verdictDetailProperty());
        fixArea.textProperty().bind(model.fixProperty());
        handFixButton.disableProperty().bind(model.canHandFixProperty().not());
        repushButton.disableProperty().bind(model.canRepushProperty().not().or(model.verifyingProperty()));
        model.repushPreviewProperty().addListener((o, was, is) -> {
            if (is != null && !is.isEmpty()) {
                javafx.application.Platform.runLater(() -> confirmRepush(is));
            }
        });
        model.verdictProperty().addListener((o, was, is) -> {
            verdictLabel.getStyleClass().removeAll("success", "danger", "warning");
            verdictLabel.getStyleClass().add(is != null && is.startsWith("PASS") ? "success"
                    : is != null && is.startsWith("FAIL") ? "danger" : "warning");
        });
    }

    /** What the seed's scenario checks, in the language in use ("Spread: many flows should fill ..."). */
    static String scenarioText(Scenario s) {
        return Messages.get("monitor.verify.scenario." + s.name());
    }

    @FXML
    private void onVerify() {
        model.verify();
    }

    @FXML
    private void onCancelVerify() {
        model.cancelVerification();
    }

    @FXML
    private void onCopyFix() {
        ClipboardContent c = new ClipboardContent();
        c.putString(model.fixProperty().get());
        Clipboard.getSystemClipboard().setContent(c);
    }

    @FXML
    private void onRepush() {
        model.previewRepush();
    }

    /** Shows the re-push plan (exact commands, before and after) and applies it only on the user's yes. */
    private void confirmRepush(String preview) {
        if (RepushConfirmation.confirm(repushButton, preview, null)) {
            model.confirmRepush();
        } else {
            model.dropRepush();
        }
    }

    @FXML
    private void onHandFix() {
        model.handFixToTuning();
    }
}
