package dev.nettune.ui.cloud.production;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;

/** Seed step 5's form: SMC and SMC-R. */
public final class SmcPageController {
    private final SmcStepModel model;
    @FXML
    Label why;
    @FXML
    CheckBox enabled;
    @FXML
    CheckBox rdma;

    public SmcPageController(SmcStepModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        why.setText(model.why());
        enabled.selectedProperty().bindBidirectional(model.enabledProperty());
        rdma.selectedProperty().bindBidirectional(model.rdmaProperty());
    }
}
