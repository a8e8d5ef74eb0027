package dev.nettune.ui.cloud.eni;

import dev.nettune.cloud.IpProtocol;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Page 4: the inbound security-group rule, validated as the user types (skipped if an equal rule exists). */
public final class RulePageController {
    private final SecondaryEniWizardModel model;
    @FXML
    CheckBox addRule;
    @FXML
    GridPane ruleForm;
    @FXML
    ChoiceBox<IpProtocol> protocol;
    @FXML
    TextField ports;
    @FXML
    TextField source;
    @FXML
    Spinner<Integer> priority;
    @FXML
    TextField description;
    @FXML
    Label problem;

    public RulePageController(SecondaryEniWizardModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        addRule.selectedProperty().bindBidirectional(model.addRuleProperty());
        ruleForm.disableProperty().bind(model.addRuleProperty().not());
        protocol.getItems().setAll(IpProtocol.values());
        protocol.valueProperty().bindBidirectional(model.protocolProperty());
        protocol.valueProperty().addListener((o, was, is) -> {
            if (is != null && !is.hasPorts()) {
                model.portsProperty().set("-1/-1");
            }
        });
        ports.textProperty().bindBidirectional(model.portsProperty());
        source.textProperty().bindBidirectional(model.sourceProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory p = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100, model.priorityProperty().get());
        priority.setValueFactory(p);
        p.valueProperty().addListener((o, was, is) -> model.priorityProperty().set(is == null ? 0 : is));
        description.textProperty().bindBidirectional(model.descriptionProperty());
        problem.textProperty().bind(model.ruleProblemProperty());
    }
}
