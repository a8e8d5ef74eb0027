package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;
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
        // Not verified (FAIL, inconclusive, could not run) reads as a danger; a skipped verification reads as a warning:
        // either way the last page never says only "Done".
        BooleanBinding warn = Bindings.createBooleanBinding(() -> model.unverified() || model.verificationSkipped(),
                model.verify.outcomeProperty());
        unverified.visibleProperty().bind(warn);
        unverified.managedProperty().bind(warn);
        unverified.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(model.verificationSkipped()
                ? "cloud.production.finish.verifySkipped" : "cloud.production.finish.unverified"), model.verify.outcomeProperty()));
        BooleanBinding skipped = Bindings.createBooleanBinding(model::verificationSkipped, model.verify.outcomeProperty());
        Styles.toggle(unverified, "warning", skipped);
        Styles.toggle(unverified, "danger", skipped.not());
        summary.textProperty().bind(Bindings.createStringBinding(() -> Messages.format("cloud.production.finish.summary",
                model.settledCount(), model.stepCount(), model.hostProperty().get(), model.nicProperty().get())
                + (model.unverified() ? "; " + model.verify.summary() + "." : "."), model.progressTextProperty(), model.hostProperty(),
                model.nicProperty(), model.verify.outcomeProperty()));
        progress.textProperty().bind(model.progressTextProperty());
    }
}
