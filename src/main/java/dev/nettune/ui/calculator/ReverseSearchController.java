package dev.nettune.ui.calculator;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.Columns;
import dev.nettune.ui.common.Exports;
import javafx.scene.layout.VBox;
import dev.nettune.ui.common.WorkControls;
import dev.nettune.rss.PortSide;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds the Reverse search panel to its view model. */
public final class ReverseSearchController {
    private final ReverseSearchViewModel model;

    @FXML private ComboBox<PortSide> sideBox;
    @FXML private TextField fromField;
    @FXML private TextField toField;
    @FXML private ComboBox<String> targetKindBox;
    @FXML private TextField targetField;
    @FXML private Button runSearchButton;
    @FXML private Button cancelSearchButton;
    @FXML private ProgressBar searchProgress;
    @FXML private Label searchStatus;
    @FXML private Label searchSummary;
    @FXML private TableView<ReverseSearchViewModel.PortRow> portsTable;
    @FXML private VBox pane;
    @FXML private Button exportCsvButton;
    @FXML private Button exportPngButton;

    public ReverseSearchController(ReverseSearchViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        sideBox.getItems().setAll(PortSide.values());
        sideBox.setConverter(CalculatorController.converter(s -> Messages.get("calculator.side." + s.name())));
        sideBox.valueProperty().bindBidirectional(model.sideProperty());
        fromField.textProperty().bindBidirectional(model.fromProperty());
        toField.textProperty().bindBidirectional(model.toProperty());
        targetField.textProperty().bindBidirectional(model.targetProperty());
        targetKindBox.getItems().setAll("queue", "bucket");
        targetKindBox.setValue(model.bucketTargetProperty().get() ? "bucket" : "queue");
        targetKindBox.valueProperty().addListener((o, was, is) -> model.bucketTargetProperty().set("bucket".equals(is)));

        WorkControls.bind(model.work(), runSearchButton, cancelSearchButton, searchProgress, searchStatus);
        searchSummary.textProperty().bind(model.summaryProperty());
        portsTable.getColumns().setAll(List.of(
                Columns.<ReverseSearchViewModel.PortRow>text(Messages.get("column.port"), 90, ReverseSearchViewModel.PortRow::port),
                Columns.<ReverseSearchViewModel.PortRow>text(Messages.get("column.hash"), 120, ReverseSearchViewModel.PortRow::hash),
                Columns.<ReverseSearchViewModel.PortRow>text(Messages.get("column.bucket"), 80, ReverseSearchViewModel.PortRow::bucket),
                Columns.<ReverseSearchViewModel.PortRow>text(Messages.get("column.queue"), 80, ReverseSearchViewModel.PortRow::queue)));
        portsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        portsTable.setItems(model.ports());
        exportCsvButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.ports()).or(model.work().runningProperty()));
        exportPngButton.disableProperty().bind(exportCsvButton.disableProperty());
        portsTable.setPlaceholder(new Label(dev.nettune.ui.common.Messages.get("calculator.reverseSearch.placeholder")));
    }

    @FXML
    private void onRun() {
        model.run();
    }

    @FXML
    private void onExportCsv() {
        Exports.chooseFile(pane, "reverse-search.csv", "CSV", "*.csv").ifPresent(model::exportCsv);
    }

    @FXML
    private void onExportPng() {
        Exports.chooseFile(pane, "reverse-search.png", Messages.get("common.pngImage"), "*.png").ifPresent(f -> model.exportPng(f, Exports.snapshot(pane)));
    }
}
