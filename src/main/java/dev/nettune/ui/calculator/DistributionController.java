package dev.nettune.ui.calculator;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.Columns;
import dev.nettune.ui.common.WorkControls;
import dev.nettune.rss.Distribution;
import dev.nettune.rss.PortSide;
import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import dev.nettune.ui.common.BucketHeatMap;
import dev.nettune.ui.common.Exports;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

/** Binds the Distribution panel to its view model, and draws the chart. */
public final class DistributionController {
    private final DistributionViewModel model;
    private QueueShareChart chart;

    @FXML private ComboBox<PopulationChoice> scenarioBox;
    @FXML private HBox hpingInputs;
    @FXML private TextField packetsField;
    @FXML private TextField basePortField;
    @FXML private TextField seedField;
    @FXML private HBox sweepInputs;
    @FXML private ComboBox<PortSide> sweepSideBox;
    @FXML private TextField sweepFromField;
    @FXML private TextField sweepToField;
    @FXML private HBox csvInputs;
    @FXML private Label csvLabel;
    @FXML private Button runDistributionButton;
    @FXML private Button cancelDistributionButton;
    @FXML private ProgressBar distributionProgress;
    @FXML private Label distributionStatus;
    @FXML private Label distributionSummary;
    @FXML private StackPane chartHolder;
    @FXML private StackPane heatHolder;
    @FXML private VBox pane;
    @FXML private Button exportCsvButton;
    @FXML private Button exportPngButton;
    private final BucketHeatMap heatMap = new BucketHeatMap();
    @FXML private TableView<Distribution.QueueLoad> distributionTable;

    public DistributionController(DistributionViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        scenarioBox.getItems().setAll(PopulationChoice.values());
        scenarioBox.valueProperty().bindBidirectional(model.scenarioProperty());
        sweepSideBox.getItems().setAll(PortSide.values());
        sweepSideBox.setConverter(CalculatorController.converter(s -> Messages.get("calculator.side." + s.name())));
        sweepSideBox.valueProperty().bindBidirectional(model.sweepSideProperty());
        packetsField.textProperty().bindBidirectional(model.packetsProperty());
        basePortField.textProperty().bindBidirectional(model.basePortProperty());
        seedField.textProperty().bindBidirectional(model.seedProperty());
        sweepFromField.textProperty().bindBidirectional(model.sweepFromProperty());
        sweepToField.textProperty().bindBidirectional(model.sweepToProperty());
        csvLabel.textProperty().bind(model.csvFileProperty().map(p -> p.getFileName().toString()).orElse(Messages.get("calculator.distribution.noFile")));
        showFor(hpingInputs, PopulationChoice.HPING);
        showFor(sweepInputs, PopulationChoice.SWEEP);
        showFor(csvInputs, PopulationChoice.CSV);

        WorkControls.bind(model.work(), runDistributionButton, cancelDistributionButton, distributionProgress, distributionStatus);
        distributionSummary.textProperty().bind(model.summaryProperty());

        distributionTable.getColumns().setAll(java.util.List.of(
                Columns.<Distribution.QueueLoad>text(Messages.get("column.queue"), 70, Distribution.QueueLoad::queue),
                Columns.<Distribution.QueueLoad>text(Messages.get("column.buckets"), 84, Distribution.QueueLoad::buckets),
                Columns.<Distribution.QueueLoad>text(Messages.get("column.flows"), 80, q -> String.format("%,d", q.flows())),
                Columns.<Distribution.QueueLoad>text(Messages.get("column.share"), 70, q -> String.format("%.1f%%", q.share() * 100)),
                Columns.<Distribution.QueueLoad>text(Messages.get("column.expected"), 92, q -> String.format("%.1f%%", q.expectedShare() * 100))));
        distributionTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        distributionTable.setItems(model.queues());
        Label placeholder = new Label(dev.nettune.ui.common.Messages.get("calculator.distribution.placeholder"));
        // Wrapped: the table is narrower than the sentence at 1280 px.
        placeholder.setWrapText(true);
        placeholder.setPadding(new javafx.geometry.Insets(8));
        distributionTable.setPlaceholder(placeholder);

        chart = new QueueShareChart();
        chartHolder.getChildren().setAll(chart.node());
        model.queues().addListener((ListChangeListener<Distribution.QueueLoad>) c -> chart.show(model.queues()));
        chart.show(model.queues());
        heatHolder.getChildren().setAll(heatMap);
        heatMap.show(new long[0]);
        model.resultProperty().addListener((o, was, d) -> heatMap.show(d == null ? new long[0] : d.bucketFlows()));
        exportCsvButton.disableProperty().bind(model.resultProperty().isNull().or(model.work().runningProperty()));
        exportPngButton.disableProperty().bind(exportCsvButton.disableProperty());
    }

    @FXML
    private void onExportCsv() {
        Exports.chooseFile(pane, "distribution.csv", "CSV", "*.csv").ifPresent(model::exportCsv);
    }

    @FXML
    private void onExportPng() {
        Exports.chooseFile(pane, "distribution.png", Messages.get("common.pngImage"), "*.png").ifPresent(f -> model.exportPng(f, Exports.snapshot(pane)));
    }

    private void showFor(HBox inputs, PopulationChoice scenario) {
        Runnable update = () -> {
            boolean show = model.scenarioProperty().get() == scenario;
            inputs.setVisible(show);
            inputs.setManaged(show);
        };
        model.scenarioProperty().addListener((o, was, is) -> update.run());
        update.run();
    }

    @FXML
    private void onRun() {
        model.run();
    }

    @FXML
    private void onChooseCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(dev.nettune.ui.common.Messages.format("calculator.distribution.chooseTitle", dev.nettune.rss.FlowCsv.header(false)));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(dev.nettune.ui.common.Messages.get("file.csv"), "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter(dev.nettune.ui.common.Messages.get("file.all"), "*"));
        File f = chooser.showOpenDialog(csvLabel.getScene().getWindow());
        if (f != null) {
            model.csvFileProperty().set(f.toPath());
        }
    }
}
