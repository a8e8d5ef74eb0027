package dev.nettune.ui.cloud.rss;

import dev.nettune.ui.common.Messages;
import dev.nettune.cloud.PreflightCheck;
import dev.nettune.cloud.RssPreflight;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/** The preflight page: on/off, the guest's kernel and DPDK, and each check with its reason. */
public final class RssPageController {
    private final RssWizardModel model;
    @FXML
    Label current;
    @FXML
    RadioButton enable;
    @FXML
    RadioButton disable;
    @FXML
    TextField kernel;
    @FXML
    CheckBox dpdk;
    @FXML
    TextField dpdkVersion;
    @FXML
    ListView<PreflightCheck> checks;
    @FXML
    CheckBox ignorePreflight;
    @FXML
    Label preview;
    @FXML
    TextField host;

    public RssPageController(RssWizardModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        current.textProperty().bind(model.loadStatusProperty());
        ToggleGroup onOff = new ToggleGroup();
        enable.setToggleGroup(onOff);
        disable.setToggleGroup(onOff);
        enable.setSelected(model.enableProperty().get());
        disable.setSelected(!model.enableProperty().get());
        model.enableProperty().addListener((o, was, is) -> (is ? enable : disable).setSelected(true));
        enable.selectedProperty().addListener((o, was, is) -> model.enableProperty().set(is));
        kernel.textProperty().bindBidirectional(model.kernelProperty());
        dpdk.selectedProperty().bindBidirectional(model.dpdkProperty());
        dpdkVersion.textProperty().bindBidirectional(model.dpdkVersionProperty());
        dpdkVersion.disableProperty().bind(model.dpdkProperty().not());
        checks.setItems(model.checks());
        checks.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PreflightCheck c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll("check-pass", "check-fail", "check-unknown");
                if (empty || c == null) {
                    setText(null);
                    return;
                }
                String mark = switch (c.status()) {
                    case PASS -> "\u2714";
                    case FAIL -> "\u2716";
                    case UNKNOWN -> "?";
                };
                setText(mark + "  " + Messages.format("rssWizard.check", Messages.say(c.namePhrase()), Messages.say(c.reasonPhrase())));
                setWrapText(true);
                setPrefWidth(0);
                getStyleClass().add("check-" + c.status().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        ignorePreflight.selectedProperty().bindBidirectional(model.ignorePreflightProperty());
        host.textProperty().bindBidirectional(model.hostProperty());
        preview.setText(Messages.say(RssPreflight.PREVIEW_PHRASE) + " " + Messages.get("rssWizard.takesEffect"));
    }
}
