package dev.nettune.ui.cloud;

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

    public RunPageController(PlanRunModel runner) {
        this.runner = runner;
    }

    @FXML
    void initialize() {
        log.setItems(runner.log());
        status.textProperty().bind(runner.statusProperty());
        busy.visibleProperty().bind(runner.runningProperty());
        cancel.disableProperty().bind(runner.runningProperty().not());
        runner.log().addListener((javafx.collections.ListChangeListener<String>) c -> log.scrollTo(runner.log().size() - 1));
    }

    @FXML
    void onCancel() {
        runner.cancel();
    }
}
