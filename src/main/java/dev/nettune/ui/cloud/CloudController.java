package dev.nettune.ui.cloud;

import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.ElasticIp;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.SecurityGroup;
import dev.nettune.ui.cloud.eni.SecondaryEniWizard;
import dev.nettune.ui.cloud.rss.RssWizard;
import dev.nettune.ui.cloud.timeouts.TimeoutsWizard;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import dev.nettune.app.CloudAccounts;
import dev.nettune.ui.common.Columns;
import dev.nettune.cloud.CloudRegion;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The Cloud screen's controller: binds tables and buttons to {@link CloudViewModel}, opens the wizards. */
public final class CloudController {
    private final CloudViewModel model;
    @FXML
    ComboBox<CloudAccounts.Account> account;
    @FXML
    ComboBox<CloudRegion> region;
    @FXML
    TextField endpoint;
    @FXML
    Button connect;
    @FXML
    Label endpointProblem;
    @FXML
    Label connection;
    @FXML
    Label status;
    @FXML
    ProgressIndicator busy;
    @FXML
    Button refresh;
    @FXML
    Button secondaryEni;
    @FXML
    Button timeouts;
    @FXML
    Button rss;
    @FXML
    TableView<CloudInstance> instances;
    @FXML
    TableView<NetworkInterface> enis;
    @FXML
    ListView<SecurityGroup> groups;
    @FXML
    ListView<ElasticIp> eips;

    @FXML
    Button production;
    private final java.util.function.Supplier<dev.nettune.ui.cloud.production.HostWork> hostWork;
    private final dev.nettune.app.SetupProgress setupProgress;

    /** The screen without the production setup (no hosts to tune). */
    public CloudController(CloudViewModel model) {
        this(model, null, null);
    }

    /** The screen with the guided production setup, which tunes hosts through {@code hostWork}. */
    public CloudController(CloudViewModel model, java.util.function.Supplier<dev.nettune.ui.cloud.production.HostWork> hostWork,
            dev.nettune.app.SetupProgress setupProgress) {
        this.model = model;
        this.hostWork = hostWork;
        this.setupProgress = setupProgress;
    }

    @FXML
    void initialize() {
        account.setItems(model.accounts());
        account.valueProperty().bindBidirectional(model.accountProperty());
        account.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CloudAccounts.Account a) {
                return CloudViewModel.shown(a);
            }

            @Override
            public CloudAccounts.Account fromString(String s) {
                return model.accounts().stream().filter(a -> CloudViewModel.shown(a).equals(s)).findFirst().orElse(null);
            }
        });
        region.setItems(model.regions());
        // The closed box shows the id only; the list shows id and local name.
        region.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(CloudRegion item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.id().value());
            }
        });
        region.valueProperty().bindBidirectional(model.regionProperty());
        endpoint.textProperty().bindBidirectional(model.endpointProperty());
        endpoint.disableProperty().bind(model.sandboxChosenProperty().or(model.busyProperty()));
        account.disableProperty().bind(model.busyProperty());
        region.disableProperty().bind(model.busyProperty());
        connect.disableProperty().bind(model.busyProperty());
        endpointProblem.textProperty().bind(model.endpointProblemProperty());
        endpointProblem.visibleProperty().bind(model.endpointProblemProperty().isNotEmpty().and(model.sandboxChosenProperty().not()));
        endpointProblem.managedProperty().bind(endpointProblem.visibleProperty());
        connection.textProperty().bind(model.connectionProperty());
        status.textProperty().bind(model.statusProperty());
        busy.visibleProperty().bind(model.busyProperty());
        refresh.disableProperty().bind(model.busyProperty());
        secondaryEni.disableProperty().bind(model.sessionProperty().isNull().or(model.busyProperty()));
        production.disableProperty().bind(model.sessionProperty().isNull().or(model.busyProperty()));
        production.setVisible(hostWork != null);
        production.setManaged(hostWork != null);
        timeouts.disableProperty().bind(model.eniActionsDisabledProperty());
        rss.disableProperty().bind(model.eniActionsDisabledProperty());
        instances.setItems(model.instances());
        fitted(instances, dev.nettune.ui.common.Messages.get("cloud.col.instance"), i -> i.id().value());
        fitted(instances, dev.nettune.ui.common.Messages.get("cloud.col.name"), CloudInstance::name);
        fitted(instances, dev.nettune.ui.common.Messages.get("cloud.col.type"), CloudInstance::instanceType);
        fitted(instances, dev.nettune.ui.common.Messages.get("cloud.col.status"), CloudInstance::status);
        fitted(instances, dev.nettune.ui.common.Messages.get("cloud.col.privateIp"), i -> String.join(", ", i.privateIpAddresses()));
        fitted(instances, dev.nettune.ui.common.Messages.get("cloud.col.image"), CloudInstance::osName);
        enis.setItems(model.networkInterfaces());
        fitted(enis, dev.nettune.ui.common.Messages.get("cloud.col.eni"), n -> n.id().value());
        fitted(enis, dev.nettune.ui.common.Messages.get("cloud.col.eniType"), NetworkInterface::type);
        fitted(enis, dev.nettune.ui.common.Messages.get("cloud.col.status"), NetworkInterface::status);
        fitted(enis, dev.nettune.ui.common.Messages.get("cloud.col.instance"), n -> n.instanceId().map(Object::toString).orElse(""));
        fitted(enis, dev.nettune.ui.common.Messages.get("cloud.col.index"), n -> n.deviceIndex().map(Object::toString).orElse(""));
        fitted(enis, "MAC", NetworkInterface::macAddress);
        fitted(enis, dev.nettune.ui.common.Messages.get("cloud.col.privateIp"), NetworkInterface::privateIpAddress);
        fitted(enis, dev.nettune.ui.common.Messages.get("cloud.col.queues"), n -> n.queueNumber().map(Object::toString).orElse(""));
        groups.setItems(model.securityGroups());
        eips.setItems(model.eips());
        model.selectedEniProperty().bind(enis.getSelectionModel().selectedItemProperty());
        // Timeouts and RSS act on the selected ENI: offer the first secondary ENI (else the first) once the region is read.
        enis.getItems().addListener((javafx.collections.ListChangeListener<NetworkInterface>) c -> {
            if (enis.getSelectionModel().isEmpty() && !enis.getItems().isEmpty()) {
                enis.getSelectionModel().select(enis.getItems().stream().filter(n -> "Secondary".equalsIgnoreCase(n.type())).findFirst()
                        .orElse(enis.getItems().get(0)));
            }
        });
        model.selectedInstanceProperty().bind(instances.getSelectionModel().selectedItemProperty());
        model.start();
    }

    /** A column as wide as its widest value (IDs, MACs, addresses are never cut). */
    private static <T> void fitted(TableView<T> table, String title, Function<T, String> value) {
        TableColumn<T, String> c = column(table, title, 40, value);
        Columns.fitToContent(table, c);
    }

    private static <T> TableColumn<T, String> column(TableView<T> table, String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        table.getColumns().add(c);
        return c;
    }

    /** Choosing another account connects to it (its profile's region, no endpoint override until typed). */
    @FXML
    void onAccount() {
        if (model.choiceChanged() && !model.busyProperty().get()) {
            model.regionProperty().set(null);
            model.endpointProperty().set("");
            model.connect();
        }
    }

    @FXML
    void onRegion() {
        if (model.choiceChanged() && !model.busyProperty().get() && model.regionProperty().get() != null) {
            model.connect();
        }
    }

    @FXML
    void onConnect() {
        model.connect();
    }

    @FXML
    void onRefresh() {
        model.refresh();
    }

    /** The guided flow: the cloud part on this account, then the host part over SSH; the hosts are listed off the FX thread first. */
    @FXML
    void onProduction() {
        model.prepare(hostWork::get, work -> {
            new dev.nettune.ui.cloud.production.ProductionWizard(connection.getScene().getWindow(), model.sessionProperty().get(), model.tasks(),
                    model.instances(), model.networkInterfaces(), model.securityGroups(), model.eips(), model.selectedInstanceProperty().get(),
                    work, setupProgress).wizard().showAndWait();
            model.refresh();
        });
    }

    @FXML
    void onSecondaryEni() {
        new SecondaryEniWizard(connection.getScene().getWindow(), model.sessionProperty().get(), model.tasks(), model.instances(),
                model.networkInterfaces(), model.securityGroups(), model.eips(), model.selectedInstanceProperty().get()).wizard().showAndWait();
        model.refresh();
    }

    @FXML
    void onTimeouts() {
        new TimeoutsWizard(connection.getScene().getWindow(), model.sessionProperty().get(), model.tasks(), model.selectedEniProperty().get().id())
                .wizard().showAndWait();
        model.refresh();
    }

    @FXML
    void onRss() {
        new RssWizard(connection.getScene().getWindow(), model.sessionProperty().get(), model.tasks(), model.selectedEniProperty().get()).wizard().showAndWait();
        model.refresh();
    }
}
