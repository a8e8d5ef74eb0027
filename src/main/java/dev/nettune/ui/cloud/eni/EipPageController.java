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
        bindEip.selectedProperty().bindBidirectional(model.bindEipProperty());
        eipForm.disableProperty().bind(model.bindEipProperty().not());
        eip.setItems(model.eips());
        eip.valueProperty().bindBidirectional(model.eipProperty());
        ToggleGroup g = new ToggleGroup();
        toInstance.setToggleGroup(g);
        toEni.setToggleGroup(g);
        toInstance.setSelected(!model.eipOnEniProperty().get());
        toEni.setSelected(model.eipOnEniProperty().get());
        toEni.selectedProperty().addListener((o, was, is) -> model.eipOnEniProperty().set(is));
        mode.setItems(model.eipModes());
        mode.valueProperty().bindBidirectional(model.eipModeProperty());
        // Replacing the items clears the box's value; the model then sets the kept mode again, shown here.
        model.eipModeProperty().addListener((o, was, is) -> {
            if (is != null && mode.getValue() != is) {
                mode.setValue(is);
            }
        });
        problem.textProperty().bind(model.eipProblemProperty());
    }
}
