package dev.nettune.ui.cloud.production;

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
        what.textProperty().bind(Bindings.createStringBinding(() -> "NetworkManager stops managing " + wizard.nicProperty().get() + " (nmcli device set "
                + wizard.nicProperty().get() + " managed no).", wizard.nicProperty()));
    }
}
