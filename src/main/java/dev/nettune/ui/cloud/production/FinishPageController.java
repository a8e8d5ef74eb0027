package dev.nettune.ui.cloud.production;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** The last page: every step's outcome and plan id. */
public final class FinishPageController {
    private final ProductionWizardModel model;
    @FXML
    Label summary;
    @FXML
    Label progress;

    public FinishPageController(ProductionWizardModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        summary.textProperty().bind(Bindings.createStringBinding(() -> model.settledCount() + " of " + model.stepCount()
                + " steps done or skipped on " + model.host.get() + " (" + model.nic.get() + ").", model.progressText(), model.host, model.nic));
        progress.textProperty().bind(model.progressText());
    }
}
