package dev.nettune.ui.monitor;

import dev.nettune.ui.common.QueuePalette;
import dev.nettune.monitor.Scenario;
import java.io.File;
import java.io.IOException;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;

/** Binds the Monitor view to its view model and the charts; decisions live in {@link MonitorViewModel}. */
public final class MonitorController {
    private final MonitorViewModel model;
    private final QueueCharts charts = new QueueCharts();

    @FXML private BorderPane root;
    @FXML private ComboBox<String> hostBox;
    @FXML private ComboBox<String> nicBox;
    @FXML private ComboBox<String> intervalBox;
    @FXML private ComboBox<String> windowBox;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private ToggleButton pauseButton;
    @FXML private ToggleButton recordButton;
    @FXML private Label statusLabel;
    @FXML private StackPane timeChartPane;
    @FXML private StackPane barChartPane;
    @FXML private StackPane heatChartPane;
    @FXML private FlowPane queueToggles;
    @FXML private Label imbalanceLabel;
    @FXML private TabPane tabs;
    @FXML private ComboBox<String> senderBox;
    @FXML private ComboBox<Scenario> scenarioBox;
    @FXML private TextField sourceField;
    @FXML private TextField destinationField;
    @FXML private TextField interfaceField;
    @FXML private TextField countField;
    @FXML private TextField intervalMicrosField;
    @FXML private TextField sourcePortField;
    @FXML private TextField destinationPortField;
    @FXML private TextField commandsField;
    @FXML private Button verifyButton;
    @FXML private Label verdictLabel;
    @FXML private Label verdictDetailLabel;
    @FXML private TextArea fixArea;
    @FXML private Button handFixButton;
    @FXML private TextField dpdkPortField;
    @FXML private TextField dpdkLcoresField;
    @FXML private TextField dpdkPciField;
    @FXML private TextArea dpdkArea;

    MonitorController(MonitorViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        hostBox.setItems(model.hostNames());
        hostBox.valueProperty().bindBidirectional(model.hostProperty());
        hostBox.valueProperty().addListener((o, was, is) -> model.loadNics());
        nicBox.setItems(model.nics());
        nicBox.valueProperty().bindBidirectional(model.nicProperty());
        intervalBox.getItems().setAll(MonitorViewModel.INTERVALS);
        intervalBox.valueProperty().bindBidirectional(model.intervalProperty());
        windowBox.getItems().setAll(MonitorViewModel.WINDOWS);
        windowBox.valueProperty().bindBidirectional(model.windowProperty());
        stopButton.disableProperty().bind(model.runningProperty().not());
        pauseButton.selectedProperty().bindBidirectional(model.pausedProperty());
        recordButton.disableProperty().bind(model.runningProperty().not());
        recordButton.selectedProperty().addListener((o, was, is) -> {
            if (is != model.recordingProperty().get()) {
                model.setRecording(is);
            }
        });
        model.recordingProperty().addListener((o, was, is) -> recordButton.setSelected(is));
        statusLabel.textProperty().bind(model.statusProperty());
        imbalanceLabel.textProperty().bind(model.imbalanceProperty());

        timeChartPane.getChildren().add(new ChartViewer(charts.timeChart()));
        barChartPane.getChildren().add(new ChartViewer(charts.barChart()));
        heatChartPane.getChildren().add(new ChartViewer(charts.heatChart()));
        model.frameProperty().addListener((o, was, f) -> charts.show(f, model.tableProperty().get(), model.hiddenQueues()));
        model.queueCountProperty().addListener((o, was, n) -> rebuildToggles(n.intValue()));

        senderBox.setItems(model.hostNames());
        senderBox.valueProperty().bindBidirectional(model.senderProperty());
        scenarioBox.getItems().setAll(Scenario.values());
        scenarioBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scenario s) {
                return s == null ? "" : s.number() + " — " + s.description();
            }

            @Override
            public Scenario fromString(String s) {
                return null;
            }
        });
        scenarioBox.valueProperty().bindBidirectional(model.scenarioProperty());
        sourceField.textProperty().bindBidirectional(model.sourceProperty());
        destinationField.textProperty().bindBidirectional(model.destinationProperty());
        interfaceField.textProperty().bindBidirectional(model.senderInterfaceProperty());
        interfaceField.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.scenarioProperty().get() != Scenario.SPREAD, model.scenarioProperty()));
        countField.textProperty().bindBidirectional(model.countProperty());
        intervalMicrosField.textProperty().bindBidirectional(model.intervalMicrosProperty());
        sourcePortField.textProperty().bindBidirectional(model.sourcePortProperty());
        destinationPortField.textProperty().bindBidirectional(model.destinationPortProperty());
        commandsField.textProperty().bind(model.commandsPreviewProperty());
        verifyButton.disableProperty().bind(model.verifyingProperty());
        verdictLabel.textProperty().bind(model.verdictProperty());
        verdictDetailLabel.textProperty().bind(model.verdictDetailProperty());
        fixArea.textProperty().bind(model.fixProperty());
        handFixButton.disableProperty().bind(model.canHandFixProperty().not());
        dpdkPortField.textProperty().bindBidirectional(model.dpdkPortProperty());
        dpdkLcoresField.textProperty().bindBidirectional(model.dpdkLcoresProperty());
        dpdkPciField.textProperty().bindBidirectional(model.dpdkPciProperty());
        dpdkArea.textProperty().bind(model.dpdkTextProperty());
        model.verdictProperty().addListener((o, was, is) -> {
            verdictLabel.getStyleClass().removeAll("success", "danger", "warning");
            verdictLabel.getStyleClass().add("PASS".equals(is) ? "success" : "FAIL".equals(is) ? "danger" : "warning");
        });
    }

    private void rebuildToggles(int n) {
        queueToggles.getChildren().clear();
        for (int q = 0; q < n; q++) {
            int queue = q;
            CheckBox box = new CheckBox(Integer.toString(q));
            box.setId("queue-toggle-" + q);
            box.setSelected(model.queueVisible(q));
            box.setStyle("-fx-text-fill: " + QueuePalette.colour(q) + "; -fx-font-weight: bold;");
            box.selectedProperty().addListener((o, was, is) -> {
                model.setQueueVisible(queue, is);
                charts.setLineVisible(queue, is);
            });
            queueToggles.getChildren().add(box);
        }
    }

    @FXML
    private void onStart() {
        model.start();
    }

    @FXML
    private void onStop() {
        model.stop();
    }

    @FXML
    private void onAllQueues() {
        queueToggles.getChildren().forEach(n -> ((CheckBox) n).setSelected(true));
    }

    @FXML
    private void onNoQueues() {
        queueToggles.getChildren().forEach(n -> ((CheckBox) n).setSelected(false));
    }

    @FXML
    private void onResetZoom() {
        charts.timeChart().getXYPlot().getDomainAxis().setAutoRange(true);
        charts.timeChart().getXYPlot().getRangeAxis().setAutoRange(true);
    }

    @FXML
    private void onExportPng() {
        File f = choose("monitor.png", "PNG image", "*.png");
        if (f == null) {
            return;
        }
        try {
            QueueCharts.savePng(charts.timeChart(), f, 1400, 700);
            File bars = new File(f.getParentFile(), f.getName().replaceFirst("\\.png$", "") + "-distribution.png");
            QueueCharts.savePng(charts.barChart(), bars, 1000, 500);
            model.statusProperty().set("Saved " + f + " and " + bars.getName() + ".");
        } catch (IOException e) {
            model.statusProperty().set("Cannot save the PNG: " + e.getMessage());
        }
    }

    @FXML
    private void onExportCsv() {
        File f = choose("monitor.csv", "CSV", "*.csv");
        if (f == null) {
            return;
        }
        try {
            model.exportCsv(f.toPath());
            model.statusProperty().set("Saved " + f + ".");
        } catch (IOException e) {
            model.statusProperty().set("Cannot save the CSV: " + e.getMessage());
        }
    }

    private File choose(String name, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        return chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
    }

    @FXML
    private void onVerify() {
        model.verify();
    }

    @FXML
    private void onCancelVerify() {
        model.cancelVerification();
    }

    @FXML
    private void onCopyFix() {
        copy(model.fixProperty().get());
    }

    @FXML
    private void onHandFix() {
        model.handFixToTuning();
    }

    @FXML
    private void onGenerateDpdk() {
        model.generateDpdk();
    }

    @FXML
    private void onCopyDpdk() {
        copy(model.dpdkTextProperty().get());
    }

    private static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    MonitorViewModel model() {
        return model;
    }

    QueueCharts charts() {
        return charts;
    }
}
