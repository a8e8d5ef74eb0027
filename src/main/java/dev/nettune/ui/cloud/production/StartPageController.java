package dev.nettune.ui.cloud.production;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The first page: what the flow does, on which account, resume or start afresh, and whether the cloud part runs. */
public final class StartPageController {
    private final ProductionWizardModel model;
    @FXML
    Label account;
    @FXML
    VBox resumeBox;
    @FXML
    Label resumeNote;
    @FXML
    Button resume;
    @FXML
    Button afresh;
    @FXML
    CheckBox runCloud;
    @FXML
    Label progress;

    public StartPageController(ProductionWizardModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        account.setText(dev.nettune.ui.common.Messages.format(model.session().sandbox() ? "production.start.accountSandbox"
                : "production.start.accountReal", model.session().region(), model.session().description()));
        resumeNote.textProperty().bind(model.resumeNoteProperty());
        resumeBox.visibleProperty().bind(model.resumeNoteProperty().isNotEmpty());
        resumeBox.managedProperty().bind(resumeBox.visibleProperty());
        resume.visibleProperty().bind(model.canResumeProperty());
        afresh.visibleProperty().bind(model.canResumeProperty());
        runCloud.setSelected(model.runCloudProperty().get());
        model.runCloudProperty().addListener((o, was, is) -> runCloud.setSelected(is));
        runCloud.setOnAction(e -> model.skipCloud(!runCloud.isSelected()));
        progress.textProperty().bind(model.progressTextProperty());
    }

    @FXML
    void onResume() {
        model.resume();
    }

    @FXML
    void onAfresh() {
        model.startAfresh();
    }
}
