package dev.nettune.ui.cloud.production;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/** Seed step 6's form: CPU lists per TX queue (or the spread), the masks they become, why the seed's `0-3` fails. */
public final class XpsPageController {
    private final XpsStepModel model;
    @FXML
    Label why;
    @FXML
    Label seed;
    @FXML
    RadioButton lists;
    @FXML
    RadioButton spread;
    @FXML
    TextField cpus;
    @FXML
    Label masks;

    public XpsPageController(XpsStepModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        why.setText(model.why());
        seed.setText(XpsStepModel.seedIsWrong());
        ToggleGroup g = new ToggleGroup();
        lists.setToggleGroup(g);
        spread.setToggleGroup(g);
        spread.setSelected(model.spreadProperty().get());
        lists.setSelected(!model.spreadProperty().get());
        spread.selectedProperty().addListener((o, was, is) -> model.spreadProperty().set(is));
        cpus.textProperty().bindBidirectional(model.cpusProperty());
        cpus.disableProperty().bind(model.spreadProperty());
        masks.textProperty().bind(model.masksProperty());
    }
}
