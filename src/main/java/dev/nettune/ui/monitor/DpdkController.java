package dev.nettune.ui.monitor;

import javafx.fxml.FXML;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Binds the Monitor's DPDK tab to its {@link DpdkViewModel}. */
public final class DpdkController {
    private final DpdkViewModel model;

    @FXML private TextField dpdkPortField;
    @FXML private TextField dpdkLcoresField;
    @FXML private TextField dpdkPciField;
    @FXML private TextArea dpdkArea;

    DpdkController(DpdkViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        dpdkPortField.textProperty().bindBidirectional(model.portProperty());
        dpdkLcoresField.textProperty().bindBidirectional(model.lcoresProperty());
        dpdkPciField.textProperty().bindBidirectional(model.pciProperty());
        dpdkArea.textProperty().bind(model.textProperty());
    }

    @FXML
    private void onGenerateDpdk() {
        model.generate();
    }

    @FXML
    private void onCopyDpdk() {
        ClipboardContent c = new ClipboardContent();
        c.putString(model.textProperty().get());
        Clipboard.getSystemClipboard().setContent(c);
    }
}
