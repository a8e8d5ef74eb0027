package dev.nettune.ui.cloud.production;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

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
    /** One label per preflight line, each coloured by its own check. */
    @FXML
    VBox preflight;
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
        preflight.visibleProperty().bind(Bindings.isNotEmpty(model.preflightLines()));
        preflight.managedProperty().bind(preflight.visibleProperty());
        show(model.preflightLines());
        model.preflightLines().addListener((ListChangeListener<RssStepModel.PreflightLine>) c -> show(model.preflightLines()));
        key.textProperty().bindBidirectional(model.keyProperty());
        table.textProperty().bindBidirectional(model.tableProperty());
    }

    /** A failed check's line is red, a check that holds green, a note (checking, what to do) plain: never the whole text red. */
    private void show(List<RssStepModel.PreflightLine> lines) {
        preflight.getChildren().setAll(lines.stream().map(l -> {
            Label label = new Label(l.text());
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.getStyleClass().addAll("cloud-plan", "preflight-line");
            switch (l.kind()) {
                case OK -> label.getStyleClass().add("success");
                case FAILED -> label.getStyleClass().add("danger");
                case NOTE -> { }
            }
            return label;
        }).toList());
    }

    @FXML
    void onPreflight() {
        model.runPreflight();
    }
}
