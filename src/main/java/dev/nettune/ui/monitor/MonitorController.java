package dev.nettune.ui.monitor;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.QueuePalette;
import dev.nettune.ui.common.Theme;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.jfree.chart.fx.ChartViewer;

/**
 * Binds the Monitor's live panel to {@link MonitorViewModel} and the charts, and puts each
 * {@link MonitorPanel} in a tab after "Distribution and IRQs"; decisions live in the view models.
 */
public final class MonitorController {
    private final MonitorViewModel model;
    private final List<MonitorPanel> panels;
    private final QueueCharts charts = new QueueCharts();
    // Kept as a field: the theme property holds listeners weakly only through this reference's lifetime.
    private final ChangeListener<Boolean> themeListener = (o, was, is) -> charts.setDark(is);

    @FXML private BorderPane root;
    @FXML private FlowPane toolbar;
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

    MonitorController(MonitorViewModel model, List<MonitorPanel> panels) {
        this.model = model;
        this.panels = panels;
    }

    @FXML
    private void initialize() {
        MonitorTarget target = model.target();
        hostBox.setItems(target.hostNames());
        hostBox.valueProperty().bindBidirectional(target.hostProperty());
        hostBox.valueProperty().addListener((o, was, is) -> model.loadNics());
        nicBox.setItems(target.nics());
        nicBox.valueProperty().bindBidirectional(target.nicProperty());
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

        charts.setDark(Theme.darkProperty().get());
        Theme.darkProperty().addListener(new javafx.beans.value.WeakChangeListener<>(themeListener));
        timeChartPane.getChildren().add(new ChartViewer(charts.timeChart()));
        barChartPane.getChildren().add(new ChartViewer(charts.barChart()));
        heatChartPane.getChildren().add(new ChartViewer(charts.heatChart()));
        model.frameProperty().addListener((o, was, f) -> charts.show(f, model.tableProperty().get(), model.hiddenQueues()));
        model.queueCountProperty().addListener((o, was, n) -> rebuildToggles(n.intValue()));

        for (MonitorPanel p : panels) {
            Tab tab = new Tab(p.title(), p.root());
            tab.setId("monitor-tab-" + p.id());
            tabs.getTabs().add(tab);
        }
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
        File f = choose("monitor.png", Messages.get("common.pngImage"), "*.png");
        if (f == null) {
            return;
        }
        // Drawn here (the charts change on this thread), written on a worker (file I/O).
        Set<Integer> hidden = new HashSet<>(model.hiddenQueues());
        BufferedImage image = charts.exportImage(model.captionProperty().get(), hidden, 1400);
        model.saveImage(image, f.toPath());
    }

    @FXML
    private void onExportCsv() {
        File f = choose("monitor.csv", "CSV", "*.csv");
        if (f != null) {
            model.exportCsv(f.toPath(), model.statusProperty()::set);
        }
    }

    private File choose(String name, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        return chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
    }

    MonitorViewModel model() {
        return model;
    }

    QueueCharts charts() {
        return charts;
    }
}
