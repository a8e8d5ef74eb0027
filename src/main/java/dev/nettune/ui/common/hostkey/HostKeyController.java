package dev.nettune.ui.common.hostkey;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the host-key dialog's content to its {@link HostKeyViewModel}. */
public final class HostKeyController {
    private final HostKeyViewModel model;

    @FXML
    VBox root;
    @FXML
    Label warningLabel;
    @FXML
    Label explanationLabel;
    @FXML
    Label hostLabel;
    @FXML
    Label keyTypeLabel;
    @FXML
    TextField fingerprintField;
    @FXML
    TextField expectedField;
    @FXML
    Label comparisonLabel;
    @FXML
    Label fileLabel;

    public HostKeyController(HostKeyViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        warningLabel.setText(model.warning());
        warningLabel.setVisible(!model.warning().isEmpty());
        warningLabel.setManaged(!model.warning().isEmpty());
        explanationLabel.setText(model.explanation());
        hostLabel.setText(model.host());
        keyTypeLabel.setText(model.keyType());
        fingerprintField.setText(model.fingerprint());
        fileLabel.setText(model.savedTo());
        expectedField.textProperty().bindBidirectional(model.expectedFingerprintProperty());
        comparisonLabel.textProperty().bind(model.comparisonProperty());
        model.expectedFingerprintProperty().addListener((obs, was, now) -> styleComparison());
        styleComparison();
    }

    private void styleComparison() {
        comparisonLabel.getStyleClass().removeAll("danger", "success", "text-muted");
        boolean empty = model.expectedFingerprintProperty().get() == null || model.expectedFingerprintProperty().get().isBlank();
        comparisonLabel.getStyleClass().add(empty ? "text-muted" : model.mismatchProperty().get() ? "danger" : "success");
    }

    public HostKeyViewModel model() {
        return model;
    }
}
