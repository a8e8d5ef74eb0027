package dev.nettune.ui.hosts;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.BucketGrid;
import dev.nettune.ui.common.ShownText;
import dev.nettune.ui.common.TaskRunner;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/** Binds the Hosts screen's controls to its {@link HostsViewModel}; dialogs for adding hosts. Nothing else. */
public final class HostsController {
    private final HostsViewModel model;
    private final HostsActions actions;
    private final TaskRunner tasks;

    @FXML
    BorderPane root;
    @FXML
    ListView<HostsViewModel.HostEntry> hostList;
    @FXML
    Button removeButton;
    @FXML
    Label hostTitle;
    @FXML
    ProgressIndicator progress;
    @FXML
    Button refreshButton;
    @FXML
    Button cancelButton;
    @FXML
    Label statusLabel;
    @FXML
    Label errorLabel;
    @FXML
    Label hostSummaryLabel;
    @FXML
    Label kernelLabel;
    @FXML
    ComboBox<String> nicBox;
    @FXML
    Label nicSummaryLabel;
    @FXML
    Label rssLabel;
    @FXML
    Label countersLabel;
    @FXML
    Label hostRssBadgeLabel;
    @FXML
    Label rssBadgeLabel;
    @FXML
    Label rssWarningLabel;
    @FXML
    TableView<HostsViewModel.QueueRow> queueTable;
    @FXML
    TableColumn<HostsViewModel.QueueRow, Object> queueColumn;
    @FXML
    TableColumn<HostsViewModel.QueueRow, Object> rxColumn;
    @FXML
    TableColumn<HostsViewModel.QueueRow, Object> txColumn;
    @FXML
    TableColumn<HostsViewModel.QueueRow, Object> irqColumn;
    @FXML
    TableColumn<HostsViewModel.QueueRow, Object> affinityColumn;
    @FXML
    TableColumn<HostsViewModel.QueueRow, Object> xpsColumn;
    @FXML
    Label tableProblemLabel;
    @FXML
    StackPane tableHolder;

    private final BucketGrid grid = new BucketGrid(new SimpleIntegerProperty(-1));

    /** What the screen asks of the application beyond reading state: the saved-host inventory. */
    public interface HostsActions {
        List<String> sshConfigAliases() throws Exception;

        void addSaved(String name, String address, String user, String port, String jump, String key) throws Exception;

        void removeSaved(String name) throws Exception;
    }

    HostsController(HostsViewModel model, HostsActions actions, TaskRunner tasks) {
        this.tasks = tasks;
        this.model = model;
        this.actions = actions;
    }

    public HostsViewModel model() {
        return model;
    }

    @FXML
    void initialize() {
        hostList.setItems(model.hosts());
        hostList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HostsViewModel.HostEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                // Two labels that wrap within the list's width, so the cell grows to show the whole description.
                javafx.scene.control.Label title = new javafx.scene.control.Label(item.name() + "  \u2014  " + Messages.get("hosts.kind." + item.kind()));
                javafx.scene.control.Label detail = new javafx.scene.control.Label(item.detail());
                javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(2, title);
                if (!item.detail().isEmpty()) {
                    detail.getStyleClass().add("text-muted");
                    box.getChildren().add(detail);
                }
                for (javafx.scene.control.Label l : java.util.List.of(title, detail)) {
                    l.setWrapText(true);
                    l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                    l.maxWidthProperty().bind(hostList.widthProperty().subtract(36));
                }
                List<String> stale = model.staleRssNics().getOrDefault(item.name(), List.of());
                if (!stale.isEmpty()) {
                    // The same warning as the host's detail badge, so a stale host stands out before it is chosen.
                    javafx.scene.control.Label rss = new javafx.scene.control.Label(
                            dev.nettune.ui.common.Messages.format("hosts.list.rssBadge", String.join(", ", stale)));
                    rss.setId("host-rss-badge-" + item.name());
                    rss.getStyleClass().add("rss-badge");
                    warningBadge(rss);
                    rss.setWrapText(true);
                    rss.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                    rss.maxWidthProperty().bind(hostList.widthProperty().subtract(36));
                    box.getChildren().add(rss);
                }
                setGraphic(box);
                setPrefWidth(0);
            }
        });
        // A host's badge appears or goes when its read finishes: redraw the rows.
        model.staleRssNics().addListener((javafx.collections.MapChangeListener<String, List<String>>) c -> hostList.refresh());
        hostList.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && is != model.selectedHostProperty().get()) {
                model.select(is);
            }
        });
        model.selectedHostProperty().addListener((o, was, is) -> {
            hostTitle.setText(is == null ? Messages.get("hosts.hostTitle") : is.name());
            if (is != null && hostList.getSelectionModel().getSelectedItem() != is) {
                hostList.getSelectionModel().select(is);
            }
        });
        removeButton.disableProperty().bind(hostList.getSelectionModel().selectedItemProperty().isNull()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
                    HostsViewModel.HostEntry e = hostList.getSelectionModel().getSelectedItem();
                    return e == null || !e.kind().equals("saved");
                }, hostList.getSelectionModel().selectedItemProperty())));
        progress.visibleProperty().bind(model.busyProperty());
        cancelButton.disableProperty().bind(model.busyProperty().not());
        refreshButton.disableProperty().bind(model.selectedHostProperty().isNull());
        statusLabel.textProperty().bind(model.statusProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        hostSummaryLabel.textProperty().bind(model.hostSummaryProperty());
        kernelLabel.textProperty().bind(model.kernelSettingsProperty());
        nicBox.setItems(model.nics());
        nicBox.valueProperty().bindBidirectional(model.selectedNicProperty());
        nicSummaryLabel.textProperty().bind(model.nicSummaryProperty());
        rssLabel.textProperty().bind(model.rssSummaryProperty());
        countersLabel.textProperty().bind(model.countersSummaryProperty());
        badge(hostRssBadgeLabel, model.hostRssBadgeProperty());
        badge(rssBadgeLabel, model.rssBadgeProperty());
        ShownText.bind(rssWarningLabel, model.rssWarningProperty());
        tableProblemLabel.textProperty().bind(model.tableProblemProperty());
        queueTable.setItems(model.queueRows());
        // Tall enough for every queue up to 16, then it scrolls (an ENI may have 64).
        queueTable.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> 36 + 30.0 * Math.max(2, Math.min(16, model.queueRows().size())) + 4, model.queueRows()));
        queueTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(queueColumn, HostsViewModel.QueueRow::queue);
        column(rxColumn, HostsViewModel.QueueRow::rx);
        column(txColumn, HostsViewModel.QueueRow::tx);
        column(irqColumn, HostsViewModel.QueueRow::irq);
        column(affinityColumn, HostsViewModel.QueueRow::affinity);
        column(xpsColumn, HostsViewModel.QueueRow::xps);
        tableHolder.getChildren().add(grid);
        grid.visibleProperty().bind(model.tableProperty().isNotNull());
        model.tableProperty().addListener((o, was, is) -> grid.show(is, -1));
        model.reloadHosts(model::selectFirstIfNone);
    }

    private static void column(TableColumn<HostsViewModel.QueueRow, Object> c, Function<HostsViewModel.QueueRow, Object> f) {
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setSortable(false);
    }

    @FXML
    void refresh() {
        model.refresh();
    }

    @FXML
    void cancel() {
        model.cancel();
    }

    @FXML
    void addFromSshConfig() {
        // Reading ~/.ssh/config is file I/O: on a worker; the choice dialog follows on the FX thread.
        tasks.submit(actions::sshConfigAliases, this::chooseAlias, e -> problem(Messages.get("hosts.sshConfigUnreadable"), e));
    }

    private void chooseAlias(List<String> aliases) {
        if (aliases.isEmpty()) {
            info(dev.nettune.ui.common.Messages.get("hosts.noAliases"));
            return;
        }
        ChoiceDialog<String> d = new ChoiceDialog<>(aliases.get(0), aliases);
        d.setTitle(dev.nettune.ui.common.Messages.get("hosts.fromSshConfig.title"));
        d.setHeaderText(dev.nettune.ui.common.Messages.get("hosts.fromSshConfig.header"));
        d.setContentText(dev.nettune.ui.common.Messages.get("hosts.fromSshConfig.alias"));
        d.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        d.showAndWait().ifPresent(alias -> act(() -> actions.addSaved(alias, alias, "", "", "", ""), dev.nettune.ui.common.Messages.get("hosts.addFailed")));
    }

    @FXML
    void addByHand() {
        AddHostDialog d = new AddHostDialog(root.getScene() == null ? null : root.getScene().getWindow());
        d.showAndWait().ifPresent(f -> act(() -> actions.addSaved(f.name(), f.address(), f.user(), f.port(), f.jump(), f.key()),
                dev.nettune.ui.common.Messages.get("hosts.addFailed")));
    }

    @FXML
    void remove() {
        HostsViewModel.HostEntry e = hostList.getSelectionModel().getSelectedItem();
        if (e != null && e.kind().equals("saved")) {
            act(() -> actions.removeSaved(e.name()), dev.nettune.ui.common.Messages.get("hosts.removeFailed"));
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Runs a change of the saved hosts (SQLite) on a worker, then reloads the list. */
    private void act(Action a, String what) {
        tasks.submit(() -> {
            a.run();
            return what;
        }, done -> model.reloadHosts(), e -> problem(what, e));
    }

    private void problem(String what, Throwable e) {
        Alert a = new Alert(Alert.AlertType.ERROR, what + ": " + Messages.problem(e));
        a.setHeaderText(null);
        dev.nettune.ui.common.DialogButtons.say(a.getDialogPane());
        a.show();
    }

    private void info(String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.setHeaderText(null);
        dev.nettune.ui.common.DialogButtons.say(a.getDialogPane());
        a.show();
    }

    /** A warning badge: AtlantaFX's warning colours, shown only while it has something to say. */
    private static void badge(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(Bindings.when(Bindings.isEmpty(text)).then("").otherwise(Bindings.concat("\u26a0 ", text)));
        warningBadge(label);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    /** AtlantaFX's warning colours on a label, as every RSS badge of this screen has them. */
    private static void warningBadge(Label label) {
        label.getStyleClass().addAll("warning", "text-bold");
        label.setStyle("-fx-background-color: -color-warning-subtle; -fx-background-radius: 4; -fx-padding: 2 8 2 8;");
    }
}
