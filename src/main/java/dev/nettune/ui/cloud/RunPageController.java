package dev.nettune.ui.cloud;

import dev.nettune.ui.common.WrappedLines;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;

/** The last page of a cloud wizard: the plan running step by step, with progress and cancel. */
public final class RunPageController {
    private final PlanRunModel runner;
    @FXML
    ListView<String> log;
    @FXML
    Label status;
    @FXML
    ProgressIndicator busy;
    @FXML
    Button cancel;
    @FXML
    Button undo;

    public RunPageController(PlanRunModel runner) {
        this.runner = runner;
    }

    @FXML
    void initialize() {
        log.setItems(runner.log());
        WrappedLines.in(log);
        status.textProperty().bind(runner.statusProperty());
        busy.visibleProperty().bind(runner.runningProperty());
        cancel.disableProperty().bind(runner.runningProperty().not());
        undo.disableProperty().bind(runner.runningProperty().or(runner.succeededProperty().not()));
        runner.log().addListener((javafx.collections.ListChangeListener<String>) c -> log.scrollTo(runner.log().size() - 1));
    }

    /** Undoes the plan just run (asking first on a real account: resources change). */
    @FXML
    void onUndo() {
        if (!runner.session().sandbox()) {
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    dev.nettune.ui.common.Messages.format("cloud.run.undo.question", runner.planId(), runner.session().region(),
                            runner.session().description()), javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
            a.initOwner(status.getScene().getWindow());
            dev.nettune.ui.common.DialogButtons.say(a.getDialogPane());
            if (a.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).isEmpty()) {
                return;
            }
        }
        runner.undo();
    }

    @FXML
    void onCancel() {
        runner.cancel();
    }
}
