package dev.nettune.ui.fleet;

import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.InstanceAddress;
import dev.nettune.fleet.Transport;
import dev.nettune.monitor.FleetMonitor;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.NavigateEvent;
import dev.nettune.ui.common.ScreenId;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ProgressBarTableCell;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** Binds the Fleet view to its view model; every action is the view model's, run off the FX thread there. */
public final class FleetController {
    private final FleetViewModel model;

    @FXML private ComboBox<FleetViewModel.Source> sourceBox;
    @FXML private Label queryLabel;
    @FXML private TextField queryField;
    @FXML private HBox regionBox;
    @FXML private HBox sshReachBox;
    @FXML private ComboBox<InstanceAddress> addressBox;
    @FXML private TextField sshUserField;
    @FXML private TextField bastionField;
    @FXML private TextField regionField;
    @FXML private TextField endpointField;
    @FXML private ComboBox<Transport> viaBox;
    @FXML private Button loadButton;
    @FXML private ComboBox<dev.nettune.tuning.Profile> profileBox;
    @FXML private Spinner<Integer> canarySpinner;
    @FXML private Spinner<Integer> parallelSpinner;
    @FXML private Spinner<Integer> failuresSpinner;
    @FXML private Button previewButton;
    @FXML private Button applyButton;
    @FXML private Button stopButton;
    @FXML private Button undoButton;
    @FXML private Button resumeButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private TableView<FleetViewModel.MemberRow> memberTable;
    @FXML private TextField nicField;
    @FXML private Button watchButton;
    @FXML private Button unwatchButton;
    @FXML private Label monitorStatusLabel;
    @FXML private TableView<FleetMonitor.Row> monitorTable;

    public FleetController(FleetViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        sourceBox.getItems().setAll(FleetViewModel.Source.values());
        sourceBox.setConverter(converter(s -> Messages.get("fleet.source." + s.name().toLowerCase(Locale.ROOT))));
        sourceBox.valueProperty().bindBidirectional(model.sourceProperty());
        model.sourceProperty().addListener((o, a, b) -> showSource(b));
        showSource(model.sourceProperty().get());
        regionField.textProperty().bindBidirectional(model.regionProperty());
        endpointField.textProperty().bindBidirectional(model.endpointProperty());
        viaBox.getItems().setAll(Transport.CLOUD_ASSISTANT, Transport.SSH);
        viaBox.setConverter(converter(Transport::word));
        viaBox.valueProperty().bindBidirectional(model.viaProperty());
        addressBox.getItems().setAll(InstanceAddress.values());
        addressBox.setConverter(converter(a -> Messages.get("fleet.address." + a.word())));
        addressBox.valueProperty().bindBidirectional(model.addressProperty());
        sshUserField.textProperty().bindBidirectional(model.sshUserProperty());
        bastionField.textProperty().bindBidirectional(model.bastionProperty());
        // How to dial an instance matters only for instances over SSH (hosts say their own login and bastion).
        sshReachBox.disableProperty().bind(model.viaProperty().isNotEqualTo(Transport.SSH)
                .or(model.sourceProperty().isEqualTo(FleetViewModel.Source.HOSTS)));

        profileBox.setItems(model.profiles());
        profileBox.setConverter(converter(dev.nettune.ui.common.ProfileNames::shown));
        profileBox.valueProperty().bindBidirectional(model.profileProperty());
        spinner(canarySpinner, 0, 64, model.canaryProperty());
        spinner(parallelSpinner, 1, 256, model.parallelProperty());
        spinner(failuresSpinner, 0, 1000, model.maxFailuresProperty());

        loadButton.disableProperty().bind(model.busyProperty());
        previewButton.disableProperty().bind(model.busyProperty().or(Bindings.isEmpty(model.members())).or(model.profileProperty().isNull()));
        applyButton.disableProperty().bind(previewButton.disableProperty());
        stopButton.disableProperty().bind(model.busyProperty().not());
        undoButton.disableProperty().bind(model.busyProperty().or(model.lastRunProperty().isEmpty()));
        resumeButton.disableProperty().bind(model.busyProperty().or(model.resumableRunProperty().isEmpty()));
        // Each time the screen is shown again: a run may have broken off meanwhile (the CLI, a crash) and can be resumed.
        memberTable.sceneProperty().addListener((o, a, b) -> {
            if (a == null && b != null) {
                model.findUnfinished();
            }
        });
        progressBar.progressProperty().bind(model.progressProperty());
        progressBar.visibleProperty().bind(model.busyProperty());
        progressBar.managedProperty().bind(model.busyProperty());
        statusLabel.textProperty().bind(model.statusProperty());

        memberTable.setItems(model.members());
        TableColumn<FleetViewModel.MemberRow, Boolean> pick = new TableColumn<>(Messages.get("fleet.col.pick"));
        pick.setCellValueFactory(c -> c.getValue().selected);
        pick.setCellFactory(CheckBoxTableCell.forTableColumn(pick));
        pick.setEditable(true);
        pick.setPrefWidth(56);
        memberTable.getColumns().add(pick);
        // Instance ids are copied and compared: never cut them.
        dev.nettune.ui.common.Columns.fitToContent(memberTable, text(memberTable, "fleet.col.instance", 200, FleetViewModel.MemberRow::name));
        text(memberTable, "fleet.col.reach", 220, FleetViewModel.MemberRow::reach);
        bound(memberTable, "fleet.col.preview", 300, r -> r.preview).setId("fleetPreview");
        // A status is read and compared: it fits its content instead of eliding.
        dev.nettune.ui.common.Columns.fitToContent(memberTable, plain(memberTable, "fleet.col.status", 130, r -> r.status));
        TableColumn<FleetViewModel.MemberRow, Double> progress = new TableColumn<>(Messages.get("fleet.col.progress"));
        progress.setCellValueFactory(c -> c.getValue().progress.asObject());
        progress.setCellFactory(ProgressBarTableCell.forTableColumn());
        progress.setPrefWidth(110);
        memberTable.getColumns().add(progress);
        bound(memberTable, "fleet.col.detail", 320, r -> r.reason).setId("fleetDetail");

        nicField.textProperty().bindBidirectional(model.monitor().nicProperty());
        watchButton.disableProperty().bind(Bindings.isEmpty(model.members()));
        unwatchButton.disableProperty().bind(model.monitor().monitoringProperty().not());
        monitorStatusLabel.textProperty().bind(model.monitor().statusProperty());
        // The table sorts the rows itself (header clicks); each second's new rows keep the chosen order.
        SortedList<FleetMonitor.Row> sorted = new SortedList<>(model.monitor().rows());
        sorted.comparatorProperty().bind(monitorTable.comparatorProperty());
        monitorTable.setItems(sorted);
        monitorColumn("fleet.col.instance", 200, FleetMonitor.Row::instance, java.util.Comparator.<String>naturalOrder());
        // Worst first when sorted ascending: the enum lists verdicts from stale to waiting.
        monitorColumn("fleet.col.health", 110, FleetMonitor.Row::health, java.util.Comparator.<FleetMonitor.Health>naturalOrder());
        sparkColumn("fleet.col.shares", true);
        monitorColumn("fleet.col.imbalance", 112, r -> r, FleetMonitor.comparator(FleetMonitor.SortKey.IMBALANCE))
                .setCellFactory(c -> textCell(r -> Double.isNaN(r.maxOverMean()) ? "–" : String.format(Locale.ROOT, "%.2f×", r.maxOverMean())));
        sparkColumn("fleet.col.trend", false);
        monitorColumn("fleet.col.pps", 108, r -> r, FleetMonitor.comparator(FleetMonitor.SortKey.PPS))
                .setCellFactory(c -> textCell(r -> Double.isNaN(r.pps()) ? "–" : String.format(Locale.ROOT, "%,.0f", r.pps())));
        monitorColumn("fleet.col.drops", 92, r -> r, FleetMonitor.comparator(FleetMonitor.SortKey.DROPS))
                .setCellFactory(c -> textCell(r -> Double.isNaN(r.dropsPerSecond()) ? "–" : String.format(Locale.ROOT, "%,.0f", r.dropsPerSecond())));
        monitorColumn("fleet.col.queues", 92, r -> r, FleetMonitor.comparator(FleetMonitor.SortKey.QUEUES))
                .setCellFactory(c -> textCell(r -> Integer.toString(r.queues())));
        monitorColumn("fleet.col.why", 300, r -> Messages.say(r.said()), java.util.Comparator.naturalOrder());
        monitorTable.setRowFactory(t -> {
            TableRow<FleetMonitor.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    drillDown(row.getItem().instance());
                }
            });
            return row;
        });
    }

    private void showSource(FleetViewModel.Source s) {
        queryField.textProperty().unbind();
        if (s == FleetViewModel.Source.HOSTS) {
            queryLabel.setText(Messages.get("fleet.hosts"));
            queryField.textProperty().unbindBidirectional(model.tagProperty());
            queryField.textProperty().bindBidirectional(model.hostsProperty());
        } else {
            queryLabel.setText(Messages.get("fleet.tag"));
            queryField.textProperty().unbindBidirectional(model.hostsProperty());
            queryField.textProperty().bindBidirectional(model.tagProperty());
        }
        queryField.setDisable(s == FleetViewModel.Source.REGION);
        regionBox.setDisable(s == FleetViewModel.Source.HOSTS);
    }

    /** Opens the single-host Monitor on the instance (built-in and SSH members; Cloud Assistant cannot stream). */
    private void drillDown(String instance) {
        FleetInstance m = model.member(instance).orElse(null);
        if (m == null) {
            return;
        }
        if (m.reach().transport() == Transport.CLOUD_ASSISTANT) {
            model.monitor().statusProperty().set(Messages.format("fleet.monitor.noDrillDown", instance));
            return;
        }
        String host = m.hostName();
        String nic = model.monitor().nicProperty().get();
        monitorTable.fireEvent(new NavigateEvent(ScreenId.MONITOR, root -> {
            Node box = root.lookup("#hostBox");
            if (box instanceof ComboBox<?> c) {
                @SuppressWarnings("unchecked")
                ComboBox<String> hosts = (ComboBox<String>) c;
                if (!hosts.getItems().contains(host)) {
                    hosts.getItems().add(host);
                }
                hosts.setValue(host);
            }
            Node nicBox = root.lookup("#nicBox");
            if (nicBox instanceof ComboBox<?> c) {
                @SuppressWarnings("unchecked")
                ComboBox<String> nics = (ComboBox<String>) c;
                nics.setValue(nic);
            }
        }));
    }

    private void sparkColumn(String title, boolean shares) {
        TableColumn<FleetMonitor.Row, FleetMonitor.Row> col = new TableColumn<>(Messages.get(title));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        col.setSortable(false);
        col.setPrefWidth(ShareSparkline.WIDTH + 12);
        col.setCellFactory(c -> new TableCell<>() {
            private final ShareSparkline spark = new ShareSparkline();

            @Override
            protected void updateItem(FleetMonitor.Row r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                if (shares) {
                    spark.shares(r.shares());
                    setTooltip(new Tooltip(sharesText(r.shares())));
                } else {
                    spark.trend(r.imbalanceTrend());
                }
                setGraphic(spark);
            }
        });
        monitorTable.getColumns().add(col);
    }

    private static String sharesText(float[] shares) {
        StringBuilder sb = new StringBuilder();
        for (int q = 0; q < shares.length; q++) {
            sb.append(q == 0 ? "" : q % 8 == 0 ? "\n" : "  ").append('q').append(q).append(' ')
                    .append(Float.isNaN(shares[q]) ? "–" : String.format(Locale.ROOT, "%.1f%%", shares[q] * 100));
        }
        return sb.toString();
    }

    private <V> TableColumn<FleetMonitor.Row, V> monitorColumn(String title, double width, Function<FleetMonitor.Row, V> value,
                                                             java.util.Comparator<? super V> order) {
        TableColumn<FleetMonitor.Row, V> col = new TableColumn<>(Messages.get(title));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setComparator(order::compare);
        col.setPrefWidth(width);
        monitorTable.getColumns().add(col);
        return col;
    }

    private static <V> TableCell<FleetMonitor.Row, V> textCell(Function<FleetMonitor.Row, String> text) {
        return new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                FleetMonitor.Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(r == null ? null : text.apply(r));
            }
        };
    }

    private static TableColumn<FleetViewModel.MemberRow, String> text(TableView<FleetViewModel.MemberRow> table, String title,
                                                                     double width, Function<FleetViewModel.MemberRow, String> value) {
        TableColumn<FleetViewModel.MemberRow, String> col = new TableColumn<>(Messages.get(title));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setPrefWidth(width);
        table.getColumns().add(col);
        return col;
    }

    /** A column of short text that never elides (a status). */
    private static TableColumn<FleetViewModel.MemberRow, String> plain(TableView<FleetViewModel.MemberRow> table, String title, double width,
                              Function<FleetViewModel.MemberRow, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<FleetViewModel.MemberRow, String> col = new TableColumn<>(Messages.get(title));
        col.setCellValueFactory(c -> value.apply(c.getValue()));
        col.setPrefWidth(width);
        table.getColumns().add(col);
        return col;
    }

    /** A column of free text (a preview, a reason) that elides, with the whole text as a tooltip. */
    private static TableColumn<FleetViewModel.MemberRow, String> bound(TableView<FleetViewModel.MemberRow> table, String title, double width,
                              Function<FleetViewModel.MemberRow, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<FleetViewModel.MemberRow, String> col = new TableColumn<>(Messages.get(title));
        col.setCellValueFactory(c -> value.apply(c.getValue()));
        col.setPrefWidth(width);
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // Long previews and reasons are cut in a narrow column: the whole text is one hover away.
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        table.getColumns().add(col);
        return col;
    }

    private static void spinner(Spinner<Integer> s, int min, int max, javafx.beans.property.IntegerProperty value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        s.setValueFactory(f);
        s.setEditable(true);
        f.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                value.set(b);
            }
        });
        value.addListener((o, a, b) -> f.setValue(b.intValue()));
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : show.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    @FXML
    private void onLoad() {
        model.load();
    }

    @FXML
    private void onPreview() {
        model.preview();
    }

    @FXML
    private void onApply() {
        model.apply();
    }

    @FXML
    private void onStop() {
        model.stop();
    }

    @FXML
    private void onUndo() {
        model.undo();
    }

    @FXML
    private void onResume() {
        model.resume();
    }

    @FXML
    private void onWatch() {
        model.startMonitor();
    }

    @FXML
    private void onUnwatch() {
        model.monitor().stop();
    }
}
