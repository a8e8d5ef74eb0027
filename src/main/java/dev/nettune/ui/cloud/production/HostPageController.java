package dev.nettune.ui.cloud.production;

import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The host page: which host (as the Hosts screen names it, or user@address) and which NIC in the guest. */
public final class HostPageController {
    private final ProductionWizardModel model;
    @FXML
    ComboBox<String> host;
    @FXML
    TextField nic;
    @FXML
    Label problem;

    public HostPageController(ProductionWizardModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        host.setItems(model.hosts());
        host.setValue(model.hostProperty().get());
        // An editable box commits typed text on Enter or focus loss; follow the editor as the user types.
        host.getEditor().textProperty().addListener((o, was, is) -> model.hostProperty().set(is == null ? "" : is.strip()));
        host.valueProperty().addListener((o, was, is) -> model.hostProperty().set(is == null ? "" : is.strip()));
        model.hostProperty().addListener((o, was, is) -> {
            if (!is.equals(host.getEditor().getText())) {
                host.setValue(is);
            }
        });
        nic.textProperty().bindBidirectional(model.nicProperty());
        problem.textProperty().bind(model.hostProblemProperty());
    }
}
