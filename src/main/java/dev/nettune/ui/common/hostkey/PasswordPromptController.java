package dev.nettune.ui.common.hostkey;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/** Binds the password prompt's content to its {@link PasswordPromptViewModel}. */
public final class PasswordPromptController {
    private final PasswordPromptViewModel model;

    @FXML
    VBox root;
    @FXML
    Label messageLabel;
    @FXML
    PasswordField secretField;

    public PasswordPromptController(PasswordPromptViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        messageLabel.setText(model.message());
        secretField.textProperty().bindBidirectional(model.secretProperty());
    }
}
