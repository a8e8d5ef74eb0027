package dev.nettune.ui.profiles;

import dev.nettune.ui.common.Messages;
import dev.nettune.tuning.Profile;
import java.io.File;
import dev.nettune.tuning.ProfileFormat;
import dev.nettune.ui.common.ShownText;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Binds the profile editor to its view model; file choosers and the delete question live here. */
public final class ProfileEditorController {
    private final ProfileEditorViewModel model;

    @FXML private BorderPane root;
    @FXML private ComboBox<Profile> profileBox;
    @FXML private Button newButton;
    @FXML private Button saveButton;
    @FXML private Button importButton;
    @FXML private Button exportButton;
    @FXML private Button deleteButton;
    @FXML private Label statusLabel;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private CheckBox unrestrictedBox;
    @FXML private Label limitsWarning;
    @FXML private TextField descriptionField;
    @FXML private TextField nicField;
    @FXML private Label nicError;
    @FXML private TextArea sysctlsArea;
    @FXML private Label sysctlsError;
    @FXML private CheckBox persistSysctlsBox;
    @FXML private CheckBox smcBox;
    @FXML private TextArea smcArea;
    @FXML private Label smcNote;
    @FXML private Label smcError;
    @FXML private CheckBox persistSmcBox;
    @FXML private TextField xpsField;
    @FXML private CheckBox xpsSpreadBox;
    @FXML private Label xpsNote;
    @FXML private Label xpsMasks;
    @FXML private Label xpsError;
    @FXML private CheckBox unmanageBox;
    @FXML private CheckBox persistUnmanageBox;
    @FXML private TextArea irqArea;
    @FXML private ComboBox<IrqSectionModel.Irqbalance> irqbalanceBox;
    @FXML private Label irqsError;
    @FXML private TextField channelsField;
    @FXML private Label channelsError;
    @FXML private TextArea rssKeyArea;
    @FXML private Label rssKeyError;
    @FXML private TextField rssTableField;
    @FXML private Label rssTableError;
    @FXML private CheckBox persistBootBox;
    @FXML private TextArea summaryArea;

    public ProfileEditorController(ProfileEditorViewModel model) {
        this.model = model;
    }

    public ProfileEditorViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        profileBox.setItems(model.profiles());
        profileBox.valueProperty().bindBidirectional(model.selectedProperty());
        profileBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Profile p) {
                return dev.nettune.ui.common.ProfileNames.shown(p);
            }

            @Override
            public Profile fromString(String s) {
                return model.profiles().stream().filter(p -> dev.nettune.ui.common.ProfileNames.shown(p).equals(s)).findFirst().orElse(null);
            }
        });
        statusLabel.textProperty().bind(model.statusProperty());
        saveButton.disableProperty().bind(model.busyProperty().or(model.validProperty().not()));
        exportButton.disableProperty().bind(model.busyProperty().or(model.validProperty().not()));
        deleteButton.disableProperty().bind(model.busyProperty().or(model.builtInProperty()));
        importButton.disableProperty().bind(model.busyProperty());
        newButton.disableProperty().bind(model.busyProperty());

        nameField.textProperty().bindBidirectional(model.nameProperty());
        descriptionField.textProperty().bindBidirectional(model.descriptionProperty());
        nicField.textProperty().bindBidirectional(model.nicProperty());
        sysctlsArea.textProperty().bindBidirectional(model.sysctls().sysctlsProperty());
        persistSysctlsBox.selectedProperty().bindBidirectional(model.sysctls().persistSysctlsProperty());
        smcBox.selectedProperty().bindBidirectional(model.smc().smcProperty());
        smcArea.textProperty().bindBidirectional(model.smc().smcSysctlsProperty());
        smcArea.disableProperty().bind(model.smc().smcProperty().not());
        persistSmcBox.selectedProperty().bindBidirectional(model.smc().persistSmcProperty());
        persistSmcBox.disableProperty().bind(model.smc().smcProperty().not());
        smcNote.setText(Messages.get("profiles.smcNote"));
        xpsField.textProperty().bindBidirectional(model.xps().xpsProperty());
        xpsSpreadBox.selectedProperty().bindBidirectional(model.xps().xpsSpreadProperty());
        xpsNote.setText(Messages.get("xps.seedNote"));
        xpsMasks.textProperty().bind(model.xps().xpsMasksProperty());
        unmanageBox.selectedProperty().bindBidirectional(model.networkManager().unmanageProperty());
        persistUnmanageBox.selectedProperty().bindBidirectional(model.networkManager().persistUnmanageProperty());
        persistUnmanageBox.disableProperty().bind(model.networkManager().unmanageProperty().not());
        irqArea.textProperty().bindBidirectional(model.irq().irqsProperty());
        irqbalanceBox.getItems().setAll(IrqSectionModel.Irqbalance.values());
        irqbalanceBox.valueProperty().bindBidirectional(model.irq().irqbalanceProperty());
        channelsField.textProperty().bindBidirectional(model.channels().channelsProperty());
        rssKeyArea.textProperty().bindBidirectional(model.rss().rssKeyProperty());
        rssTableField.textProperty().bindBidirectional(model.rss().rssTableProperty());
        persistBootBox.selectedProperty().bindBidirectional(model.boot().persistBootProperty());
        // A read-only text, wrapped: entries name files and masks that no fixed-height list row holds whole.
        model.summary().addListener((javafx.collections.ListChangeListener<String>) c -> showSummary());
        showSummary();

        ShownText.bind(nameError, model.nameErrorProperty());
        unrestrictedBox.selectedProperty().bindBidirectional(model.unrestrictedProperty());
        ShownText.bind(limitsWarning, model.limitsWarningProperty());
        ShownText.bind(nicError, model.nicErrorProperty());
        ShownText.bind(sysctlsError, model.sysctls().sysctlsErrorProperty());
        ShownText.bind(smcError, model.smc().smcErrorProperty());
        ShownText.bind(xpsError, model.xps().xpsErrorProperty());
        ShownText.bind(irqsError, model.irq().irqsErrorProperty());
        ShownText.bind(channelsError, model.channels().channelsErrorProperty());
        ShownText.bind(rssKeyError, model.rss().rssKeyErrorProperty());
        ShownText.bind(rssTableError, model.rss().rssTableErrorProperty());
        xpsMasks.visibleProperty().bind(model.xps().xpsMasksProperty().isNotEmpty());
        xpsMasks.managedProperty().bind(xpsMasks.visibleProperty());
    }

    private void showSummary() {
        summaryArea.setText(model.summary().isEmpty() ? Messages.get("profiles.summary.invalid")
                : String.join("\n", model.summary().stream().map(l -> "\u2022 " + l).toList()));
    }

    @FXML
    private void onNew() {
        model.newProfile();
    }

    @FXML
    private void onSave() {
        model.save();
    }

    @FXML
    private void onImport() {
        FileChooser chooser = chooser(Messages.get("profiles.import.title"));
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            model.importFrom(f.toPath());
        }
    }

    @FXML
    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("profiles.export.title"));
        // The chosen file type decides the format, so teams running Ansible or cloud-init get their own file.
        java.util.Map<FileChooser.ExtensionFilter, ProfileFormat> formats = new java.util.LinkedHashMap<>();
        formats.put(new FileChooser.ExtensionFilter(Messages.get("profiles.filter.json"), "*.json"), ProfileFormat.JSON);
        formats.put(new FileChooser.ExtensionFilter(Messages.get("profiles.filter.ansible"), "*.yml", "*.yaml"), ProfileFormat.ANSIBLE);
        formats.put(new FileChooser.ExtensionFilter(Messages.get("profiles.filter.cloudInit"), "*.yml", "*.yaml", "*.cfg"),
                ProfileFormat.CLOUD_INIT);
        chooser.getExtensionFilters().addAll(formats.keySet());
        chooser.setInitialFileName(dev.nettune.tuning.ProfileLibrary.slug(model.nameProperty().get()) + ".json");
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            ProfileFormat format = formats.getOrDefault(chooser.getSelectedExtensionFilter(), ProfileFormat.JSON);
            model.exportTo(f.toPath(), format);
        }
    }

    @FXML
    private void onDelete() {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, dev.nettune.ui.common.Messages.format("profiles.delete.question", model.nameProperty().get()),
                ButtonType.OK, ButtonType.CANCEL);
        ask.setHeaderText(dev.nettune.ui.common.Messages.format("profiles.delete.header", model.nameProperty().get()));
        ask.initOwner(root.getScene().getWindow());
        ask.setResizable(true);
        dev.nettune.ui.common.DialogButtons.say(ask.getDialogPane());
        if (ask.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
            model.delete();
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("profiles.filter.json"), "*.json"));
        return chooser;
    }
}
