package dev.nettune.ui.monitor;

import dev.nettune.ui.common.Messages;
import dev.nettune.monitor.Recording;
import dev.nettune.monitor.RecordingComparison;
import dev.nettune.ui.common.Columns;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Binds the Monitor's Recordings tab to its {@link RecordingsViewModel}. */
public final class RecordingsController {
    private final RecordingsViewModel model;

    @FXML private ListView<Recording> recordingList;
    @FXML private ComboBox<Recording> compareBox;
    @FXML private TableView<RecordingComparison.QueueLine> comparisonTable;
    @FXML private Label statusLabel;
    @FXML private Button openButton;
    @FXML private Button exportButton;
    @FXML private Button deleteButton;
    @FXML private Button compareButton;

    RecordingsController(RecordingsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        recordingList.setItems(model.recordings());
        recordingList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Recording r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : RecordingsViewModel.describe(r));
            }
        });
        recordingList.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> model.selectedProperty().set(is));
        model.selectedProperty().addListener((o, was, is) -> {
            if (recordingList.getSelectionModel().getSelectedItem() != is) {
                recordingList.getSelectionModel().select(is);
            }
        });
        compareBox.setItems(model.recordings());
        compareBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Recording r) {
                return r == null ? "" : RecordingsViewModel.describe(r);
            }

            @Override
            public Recording fromString(String s) {
                return null;
            }
        });
        compareBox.valueProperty().bindBidirectional(model.compareWithProperty());
        for (Button b : List.of(openButton, exportButton, deleteButton)) {
            b.disableProperty().bind(model.selectedProperty().isNull());
        }
        compareButton.disableProperty().bind(model.selectedProperty().isNull().or(model.compareWithProperty().isNull()));
        statusLabel.textProperty().bind(model.statusProperty());
        comparisonTable.setItems(model.comparison());
        comparisonTable.getColumns().setAll(List.of(
                Columns.<RecordingComparison.QueueLine>text(Messages.get("column.queue"), 60, RecordingComparison.QueueLine::queue),
                Columns.<RecordingComparison.QueueLine>text(Messages.get("column.beforePktsPps"), 110, l -> rate(l.meanBefore())),
                Columns.<RecordingComparison.QueueLine>text(Messages.get("column.afterPktsPps"), 110, l -> rate(l.meanAfter())),
                Columns.<RecordingComparison.QueueLine>text(Messages.get("column.shareBefore"), 100, l -> share(l.shareBefore())),
                Columns.<RecordingComparison.QueueLine>text(Messages.get("column.shareAfter"), 100, l -> share(l.shareAfter()))));
        comparisonTable.setPlaceholder(new Label(dev.nettune.ui.common.Messages.get("monitor.recordings.placeholder")));
        // Headers and values never shrink below their text (the split pane narrows the table at 1280x800).
        comparisonTable.getColumns().forEach(c -> Columns.fitToContent(comparisonTable, c));
        // The list is read when the tab is first shown, not while the screen is built.
        recordingList.sceneProperty().addListener((o, was, is) -> {
            if (is != null) {
                model.refresh();
            }
        });
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String share(double v) {
        return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }

    @FXML
    private void onOpen() {
        model.openSelected();
    }

    @FXML
    private void onCompare() {
        model.compare();
    }

    @FXML
    private void onDelete() {
        model.deleteSelected();
    }

    @FXML
    private void onExport() {
        Recording r = model.selectedProperty().get();
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("recording-" + (r == null ? "" : r.id()) + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(statusLabel.getScene() == null ? null : statusLabel.getScene().getWindow());
        if (f != null) {
            model.exportSelected(f.toPath());
        }
    }
}
