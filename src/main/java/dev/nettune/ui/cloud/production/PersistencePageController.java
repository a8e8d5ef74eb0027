package dev.nettune.ui.cloud.production;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;

/** Seed step 8's form: what to persist across reboot and re-attach. */
public final class PersistencePageController {
    private final PersistenceStepModel model;
    @FXML
    Label why;
    @FXML
    CheckBox sysctls;
    @FXML
    CheckBox smc;
    @FXML
    CheckBox nm;
    @FXML
    CheckBox reapply;

    public PersistencePageController(PersistenceStepModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        why.setText(model.why());
        sysctls.selectedProperty().bindBidirectional(model.sysctlsProperty());
        smc.selectedProperty().bindBidirectional(model.smcAtBootProperty());
        nm.selectedProperty().bindBidirectional(model.networkManagerProperty());
        reapply.selectedProperty().bindBidirectional(model.reapplyProperty());
    }
}
