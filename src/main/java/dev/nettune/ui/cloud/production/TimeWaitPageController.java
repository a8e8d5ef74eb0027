package dev.nettune.ui.cloud.production;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Seed step 4's form: the three TIME-WAIT sysctls. */
public final class TimeWaitPageController {
    private final TimeWaitStepModel model;
    @FXML
    Label why;
    @FXML
    CheckBox reuse;
    @FXML
    TextField maxBuckets;
    @FXML
    TextField finTimeout;

    public TimeWaitPageController(TimeWaitStepModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        why.setText(model.why());
        reuse.selectedProperty().bindBidirectional(model.reuseProperty());
        maxBuckets.textProperty().bindBidirectional(model.maxBucketsProperty());
        finTimeout.textProperty().bindBidirectional(model.finTimeoutProperty());
    }
}
