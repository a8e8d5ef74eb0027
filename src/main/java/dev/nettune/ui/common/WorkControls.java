package dev.nettune.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/** Binds a panel's Run / Cancel buttons, progress bar and status label to its {@link BackgroundWork}. */
public final class WorkControls {
    private WorkControls() {
    }

    /** Run is disabled while working, Cancel only then; the bar and the status follow the work. */
    public static void bind(BackgroundWork work, Button run, Button cancel, ProgressBar bar, Label status) {
        run.disableProperty().bind(work.runningProperty());
        cancel.disableProperty().bind(work.runningProperty().not());
        cancel.setOnAction(e -> work.cancel());
        bar.progressProperty().bind(work.progressProperty());
        bar.visibleProperty().bind(work.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        status.textProperty().bind(work.statusProperty());
        work.failedProperty().addListener((o, was, is) -> {
            status.getStyleClass().remove("field-error");
            if (is) {
                status.getStyleClass().add("field-error");
            }
        });
    }
}
