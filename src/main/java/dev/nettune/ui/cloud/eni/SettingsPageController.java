package dev.nettune.ui.cloud.eni;

import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.ui.cloud.CloudStepTitles;
import dev.nettune.ui.common.Messages;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;

/** Page 3: connection timeouts (only allowed values) and custom RSS. */
public final class SettingsPageController {
    private final SecondaryEniWizardModel model;
    @FXML
    CheckBox setTimeouts;
    @FXML
    GridPane timeoutsForm;
    @FXML
    ChoiceBox<Integer> tcpEstablished;
    @FXML
    Spinner<Integer> timeWait;
    @FXML
    ChoiceBox<Integer> udp;
    @FXML
    ChoiceBox<String> rss;
    @FXML
    Label notes;
    @FXML
    Label problem;

    public SettingsPageController(SecondaryEniWizardModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        setTimeouts.selectedProperty().bindBidirectional(model.setTimeoutsProperty());
        timeoutsForm.disableProperty().bind(model.setTimeoutsProperty().not());
        tcpEstablished.getItems().setAll(ConnectionTrackingTimeouts.TCP_ESTABLISHED_VALUES);
        tcpEstablished.valueProperty().bindBidirectional(model.tcpEstablishedProperty());
        udp.getItems().setAll(ConnectionTrackingTimeouts.UDP_VALUES);
        udp.valueProperty().bindBidirectional(model.udpProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory tw = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                ConnectionTrackingTimeouts.TIME_WAIT_MIN, ConnectionTrackingTimeouts.TIME_WAIT_MAX, model.timeWaitProperty().get());
        timeWait.setValueFactory(tw);
        tw.valueProperty().addListener((o, was, is) -> model.timeWaitProperty().set(is == null ? 0 : is));
        rss.getItems().setAll(SecondaryEniWizardModel.RSS_LEAVE, SecondaryEniWizardModel.RSS_ON, SecondaryEniWizardModel.RSS_OFF);
        rss.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String choice) {
                return choice == null ? "" : Messages.get("cloud.eni.settings.rss." + choice.replace(' ', '_'));
            }

            @Override
            public String fromString(String shown) {
                return rss.getItems().stream().filter(c -> toString(c).equals(shown)).findFirst().orElse(null);
            }
        });
        rss.valueProperty().bindBidirectional(model.rssProperty());
        notes.setText(CloudStepTitles.timeoutsNotes(" ") + " " + Messages.get("cloud.eni.settings.rssPreview"));
        problem.textProperty().bind(model.settingsProblemProperty());
    }
}
