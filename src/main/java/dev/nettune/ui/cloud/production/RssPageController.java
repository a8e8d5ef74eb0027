package dev.nettune.ui.cloud.production;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The RSS key and table form. */
public final class RssPageController {
    private final RssStepModel model;
    @FXML
    Label why;
    @FXML
    TextField key;
    @FXML
    TextField table;

    public RssPageController(RssStepModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        why.setText(model.why());
        key.textProperty().bindBidirectional(model.key);
        table.textProperty().bindBidirectional(model.table);
    }
}
