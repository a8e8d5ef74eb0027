package dev.nettune.ui.cloud.eni;

import dev.nettune.cloud.EniSpec;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.SecurityGroup;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;

/** Page 2: create an ENI (vSwitch, group, queues, name) or pick an Available one; the expected device index. */
public final class EniPageController {
    private final SecondaryEniWizardModel model;
    @FXML
    RadioButton create;
    @FXML
    RadioButton pick;
    @FXML
    GridPane createForm;
    @FXML
    TextField vSwitch;
    @FXML
    ChoiceBox<SecurityGroup> group;
    @FXML
    Spinner<Integer> queues;
    @FXML
    TextField name;
    @FXML
    ChoiceBox<NetworkInterface> existing;
    @FXML
    Spinner<Integer> deviceIndex;
    @FXML
    Label token;
    @FXML
    Label problem;

    public EniPageController(SecondaryEniWizardModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        ToggleGroup g = new ToggleGroup();
        create.setToggleGroup(g);
        pick.setToggleGroup(g);
        create.setSelected(model.createNewProperty().get());
        pick.setSelected(!model.createNewProperty().get());
        create.selectedProperty().addListener((o, was, is) -> model.createNewProperty().set(is));
        createForm.disableProperty().bind(model.createNewProperty().not());
        existing.disableProperty().bind(model.createNewProperty());
        vSwitch.textProperty().bindBidirectional(model.vSwitchProperty());
        group.setItems(model.groups());
        group.valueProperty().bindBidirectional(model.groupProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory q = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, EniSpec.MAX_QUEUES, model.queuesProperty().get());
        queues.setValueFactory(q);
        q.valueProperty().addListener((o, was, is) -> model.queuesProperty().set(is == null ? 0 : is));
        name.textProperty().bindBidirectional(model.nameProperty());
        existing.setItems(model.available());
        existing.valueProperty().bindBidirectional(model.existingProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory d = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, dev.nettune.cloud.DeviceIndex.MAX,
                model.deviceIndexProperty().get());
        deviceIndex.setValueFactory(d);
        d.valueProperty().addListener((o, was, is) -> model.deviceIndexProperty().set(is == null ? 0 : is));
        token.setText(dev.nettune.ui.common.Messages.format("cloud.eni.eni.clientToken", model.clientToken()));
        problem.textProperty().bind(model.eniProblemProperty());
    }
}
