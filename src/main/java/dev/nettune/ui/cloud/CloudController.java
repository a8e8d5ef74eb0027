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
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The Cloud screen's controller: binds tables and buttons to {@link CloudViewModel}, opens the wizards. */
public final class CloudController {
    private final CloudViewModel model;
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

    public CloudController(CloudViewModel model) {
        this.model = model;
    }

    @FXML
    void initialize() {
        connection.textProperty().bind(model.connection());
        status.textProperty().bind(model.status());
        busy.visibleProperty().bind(model.busy());
        refresh.disableProperty().bind(model.busy());
        secondaryEni.disableProperty().bind(model.session().isNull().or(model.busy()));
        timeouts.disableProperty().bind(model.eniActionsDisabled());
        rss.disableProperty().bind(model.eniActionsDisabled());
        instances.setItems(model.instances());
        column(instances, "Instance", 190, i -> i.id().value());
        column(instances, "Name", 200, CloudInstance::name);
        column(instances, "Type", 130, CloudInstance::instanceType);
        column(instances, "Status", 80, CloudInstance::status);
        column(instances, "Private IP", 110, i -> String.join(", ", i.privateIpAddresses()));
        column(instances, "Image", 280, CloudInstance::osName);
        enis.setItems(model.networkInterfaces());
        column(enis, "ENI", 195, n -> n.id().value());
        column(enis, "Type", 80, NetworkInterface::type);
        column(enis, "Status", 80, NetworkInterface::status);
        column(enis, "Instance", 180, n -> n.instanceId().map(Object::toString).orElse(""));
        column(enis, "Index", 50, n -> n.deviceIndex().map(Object::toString).orElse(""));
        column(enis, "MAC", 130, NetworkInterface::macAddress);
        column(enis, "Private IP", 90, NetworkInterface::privateIpAddress);
        column(enis, "Queues", 60, n -> n.queueNumber().map(Object::toString).orElse(""));
        groups.setItems(model.securityGroups());
        eips.setItems(model.eips());
        model.selectedEni().bind(enis.getSelectionModel().selectedItemProperty());
        model.selectedInstance().bind(instances.getSelectionModel().selectedItemProperty());
        model.refresh();
    }

    private static <T> void column(TableView<T> table, String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        table.getColumns().add(c);
    }

    @FXML
    void onRefresh() {
        model.refresh();
    }

    @FXML
    void onSecondaryEni() {
        new SecondaryEniWizard(connection.getScene().getWindow(), model.session().get(), model.tasks(), model.instances(),
                model.networkInterfaces(), model.securityGroups(), model.eips(), model.selectedInstance().get()).wizard().showAndWait();
        model.refresh();
    }

    @FXML
    void onTimeouts() {
        new TimeoutsWizard(connection.getScene().getWindow(), model.session().get(), model.tasks(), model.selectedEni().get().id())
                .wizard().showAndWait();
        model.refresh();
    }

    @FXML
    void onRss() {
        new RssWizard(connection.getScene().getWindow(), model.session().get(), model.tasks(), model.selectedEni().get()).wizard().showAndWait();
        model.refresh();
    }
}
