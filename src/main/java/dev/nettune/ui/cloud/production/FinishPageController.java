package dev.nettune.ui.cloud.production;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** The last page: every step's outcome and plan id, and a warning that reads first when the RSS verification did not pass. */
public final class FinishPageController {
    private final ProductionWizardModel model;
    @FXML
    Label unverified;
    @FXML
    Label summary;
    @FXML
    Label progress;

    public FinishPageController(ProductionWizardModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        BooleanBinding notVerified = Bindings.createBooleanBinding(model::unverified, model.verify.outcomeProperty());
        unverified.visibleProperty().bind(notVerified);
        unverified.managedProperty().bind(notVerified);
        summary.textProperty().bind(Bindings.createStringBinding(() -> model.settledCount() + " of " + model.stepCount()
                + " steps done or skipped on " + model.hostProperty().get() + " (" + model.nicProperty().get() + ")"
                + (model.unverified() ? "; " + model.verify.summary() + "." : "."), model.progressTextProperty(), model.hostProperty(), model.nicProperty()));
        progress.textProperty().bind(model.progressTextProperty());
    }
}
