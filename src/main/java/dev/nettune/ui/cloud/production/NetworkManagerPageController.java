package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Seed step 7's page: the NIC NetworkManager must leave alone. */
public final class NetworkManagerPageController {
    private final NetworkManagerStepModel model;
    private final ProductionWizardModel wizard;
    @FXML
    Label why;
    @FXML
    Label what;

    public NetworkManagerPageController(NetworkManagerStepModel model, ProductionWizardModel wizard) {
        this.model = model;
        this.wizard = wizard;
    }

    @FXML
    void initialize() {
        why.setText(model.why());
        what.textProperty().bind(Bindings.createStringBinding(() -> Messages.format("production.step.networkmanager.what", wizard.nicProperty().get()), wizard.nicProperty()));
    }
}
