package dev.nettune.ui.cloud.timeouts;

import dev.nettune.cloud.ConnectionTrackingTimeouts;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/** The form page: only the values ECS accepts can be chosen (ChoiceBoxes, a 3-15 Spinner). */
public final class TimeoutsPageController {
    private final TimeoutsWizardModel model;
    @FXML
    Label current;
    @FXML
    ChoiceBox<Integer> tcpEstablished;
    @FXML
    Spinner<Integer> timeWait;
    @FXML
    ChoiceBox<Integer> udp;
    @FXML
    CheckBox behindLoadBalancer;
    @FXML
    Label notes;
    @FXML
    Label validation;

    public TimeoutsPageController(TimeoutsWizardModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        current.textProperty().bind(model.loadStatusProperty());
        tcpEstablished.getItems().setAll(ConnectionTrackingTimeouts.TCP_ESTABLISHED_VALUES);
        tcpEstablished.valueProperty().bindBidirectional(model.tcpEstablishedProperty());
        udp.getItems().setAll(ConnectionTrackingTimeouts.UDP_VALUES);
        udp.valueProperty().bindBidirectional(model.udpProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory range = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                ConnectionTrackingTimeouts.TIME_WAIT_MIN, ConnectionTrackingTimeouts.TIME_WAIT_MAX, model.timeWaitProperty().get());
        timeWait.setValueFactory(range);
        range.valueProperty().addListener((obs, was, is) -> {
            if (is != null) {
                model.timeWaitProperty().set(is);
            }
        });
        model.timeWaitProperty().addListener((obs, was, is) -> range.setValue(is.intValue()));
        behindLoadBalancer.selectedProperty().bindBidirectional(model.behindLoadBalancerProperty());
        notes.setText(model.notes());
        validation.textProperty().bind(model.validationProperty());
    }
}
