package dev.nettune.ui.calculator;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;

/** The small bindings every analysis panel shares: run/cancel/progress/status, and read-only table columns. */
final class WorkControls {
    private WorkControls() {
    }

    /** Run is disabled while working, Cancel only then; the bar and the status follow the work. */
    static void bind(BackgroundWork work, Button run, Button cancel, ProgressBar bar, Label status) {
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

    /** A column showing {@code value} of each row. */
    static <S> TableColumn<S, Object> column(String title, double width, Function<S, Object> value) {
        TableColumn<S, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
