package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.ShownText;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The RSS page: the preflight (sender, checks) above the key and table form. */
public final class RssPageController {
    private final RssStepModel model;
    private final javafx.beans.property.StringProperty senderValue;
    private final ObservableList<String> hosts;
    @FXML
    Label why;
    @FXML
    ComboBox<String> sender;
    @FXML
    Button check;
    @FXML
    Label preflight;
    @FXML
    TextField key;
    @FXML
    TextField table;

    public RssPageController(RssStepModel model, javafx.beans.property.StringProperty sender, ObservableList<String> hosts) {
        this.model = model;
        this.senderValue = sender;
        this.hosts = hosts;
    }

    @FXML
    void initialize() {
        why.setText(model.why());
        sender.setItems(hosts);
        SenderField.bind(sender, senderValue);
        check.disableProperty().bind(model.preflightProperty().isEqualTo(RssStepModel.Preflight.RUNNING).or(model.busyProperty()));
        ShownText.bind(preflight, model.preflightTextProperty());
        Styles.toggle(preflight, "danger", model.preflightProperty().isEqualTo(RssStepModel.Preflight.FAILED));
        key.textProperty().bindBidirectional(model.keyProperty());
        table.textProperty().bindBidirectional(model.tableProperty());
    }

    @FXML
    void onPreflight() {
        model.runPreflight();
    }
}
