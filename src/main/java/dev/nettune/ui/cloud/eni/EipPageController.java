package dev.nettune.ui.cloud.eni;

import dev.nettune.cloud.EipMode;
import dev.nettune.cloud.ElasticIp;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;

/** Page 5: bind an Available EIP to the instance or to the new ENI, in NAT (or, on an ENI, MULTI_BINDED/BINDED) mode. */
public final class EipPageController {
    private final SecondaryEniWizardModel model;
    @FXML
    CheckBox bindEip;
    @FXML
    GridPane eipForm;
    @FXML
    ChoiceBox<ElasticIp> eip;
    @FXML
    RadioButton toInstance;
    @FXML
    RadioButton toEni;
    @FXML
    ChoiceBox<EipMode> mode;
    @FXML
    Label problem;

    public EipPageController(SecondaryEniWizardModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        bindEip.selectedProperty().bindBidirectional(model.bindEip());
        eipForm.disableProperty().bind(model.bindEip().not());
        eip.setItems(model.eips());
        eip.valueProperty().bindBidirectional(model.eip());
        ToggleGroup g = new ToggleGroup();
        toInstance.setToggleGroup(g);
        toEni.setToggleGroup(g);
        toInstance.setSelected(!model.eipOnEni().get());
        toEni.setSelected(model.eipOnEni().get());
        toEni.selectedProperty().addListener((o, was, is) -> {
            model.eipOnEni().set(is);
            mode.getItems().setAll(is ? EipMode.values() : new EipMode[] {EipMode.NAT});
            mode.setValue(model.eipMode().get());
        });
        mode.getItems().setAll(EipMode.NAT);
        mode.valueProperty().bindBidirectional(model.eipMode());
        problem.textProperty().bind(model.eipProblem());
    }
}
