package dev.nettune.ui.cloud.eni;

import dev.nettune.cloud.CloudInstance;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;

/** Page 1: which instance gets the secondary ENI. */
public final class InstancePageController {
    private final SecondaryEniWizardModel model;
    @FXML
    ChoiceBox<CloudInstance> instance;
    @FXML
    Label problem;

    public InstancePageController(SecondaryEniWizardModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        instance.setItems(model.instances());
        instance.valueProperty().bindBidirectional(model.instanceProperty());
        problem.textProperty().bind(model.instanceProblemProperty());
    }
}
