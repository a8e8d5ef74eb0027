package dev.nettune.ui.cloud.production;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The channels and IRQ affinity form. */
public final class IrqPageController {
    private final IrqStepModel model;
    @FXML
    Label why;
    @FXML
    TextField channels;
    @FXML
    TextField affinity;
    @FXML
    CheckBox ban;

    public IrqPageController(IrqStepModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        why.setText(model.why());
        channels.textProperty().bindBidirectional(model.channelsProperty());
        affinity.textProperty().bindBidirectional(model.affinityProperty());
        ban.selectedProperty().bindBidirectional(model.banFromIrqbalanceProperty());
    }
}
