package dev.nettune.ui.cloud;

import dev.nettune.ui.common.TaskRunner;
import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.ElasticIp;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.SecurityGroup;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Cloud screen's state: the session (the sandbox region on first start), the region's instances,
 * ENIs, security groups and EIPs, what is selected, and whether a load is running. No toolkit needed.
 */
public final class CloudViewModel {
    private final TaskRunner tasks;
    private final Supplier<CloudSession> connect;
    private final ObjectProperty<CloudSession> session = new SimpleObjectProperty<>();
    private final StringProperty connection = new SimpleStringProperty("Not connected");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<CloudInstance> instances = FXCollections.observableArrayList();
    private final ObservableList<NetworkInterface> networkInterfaces = FXCollections.observableArrayList();
    private final ObservableList<SecurityGroup> securityGroups = FXCollections.observableArrayList();
    private final ObservableList<ElasticIp> eips = FXCollections.observableArrayList();
    private final ObjectProperty<NetworkInterface> selectedEni = new SimpleObjectProperty<>();
    private final ObjectProperty<CloudInstance> selectedInstance = new SimpleObjectProperty<>();
    private TaskRunner.Handle running;

    /** What one refresh reads. */
    record Snapshot(List<CloudInstance> instances, List<NetworkInterface> enis, List<SecurityGroup> groups, List<ElasticIp> eips) {
    }

    /** A session and what it found, handed from the worker to the FX thread. */
    record Loaded(CloudSession session, Snapshot snapshot) {
    }

    public CloudViewModel(TaskRunner tasks, Supplier<CloudSession> connect) {
        this.tasks = tasks;
        this.connect = connect;
    }

    /** Connects (first time) and reads the region: DescribeInstances, DescribeNetworkInterfaces, DescribeSecurityGroups, DescribeEipAddresses. */
    public void refresh() {
        if (running != null) {
            running.cancel();
        }
        busy.set(true);
        status.set(session.get() == null ? "Starting the sandbox region\u2026" : "Reading " + session.get().region() + "\u2026");
        CloudSession known = session.get();
        running = tasks.submit(() -> {
            CloudSession s = known != null ? known : connect.get();
            var api = s.api();
            return new Loaded(s, new Snapshot(api.describeInstances(s.region()), api.describeNetworkInterfaces(s.region(), java.util.Optional.empty()),
                    api.describeSecurityGroups(s.region()), api.describeEips(s.region())));
        }, result -> {
            CloudSession s = result.session();
            Snapshot snap = result.snapshot();
            session.set(s);
            connection.set(s.region() + " via " + s.description());
            instances.setAll(snap.instances());
            networkInterfaces.setAll(snap.enis());
            securityGroups.setAll(snap.groups());
            eips.setAll(snap.eips());
            busy.set(false);
            status.set(snap.instances().size() + " instances, " + snap.enis().size() + " ENIs, " + snap.groups().size() + " security groups, "
                    + snap.eips().size() + " EIPs");
        }, e -> {
            busy.set(false);
            status.set("Cannot read the region: " + e.getMessage());
        });
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
            busy.set(false);
            status.set("Cancelled.");
        }
    }

    public BooleanBinding eniActionsDisabled() {
        return selectedEni.isNull().or(session.isNull()).or(busy);
    }

    public ObjectProperty<CloudSession> session() {
        return session;
    }

    public StringProperty connection() {
        return connection;
    }

    public StringProperty status() {
        return status;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public ObservableList<CloudInstance> instances() {
        return instances;
    }

    public ObservableList<NetworkInterface> networkInterfaces() {
        return networkInterfaces;
    }

    public ObservableList<SecurityGroup> securityGroups() {
        return securityGroups;
    }

    public ObservableList<ElasticIp> eips() {
        return eips;
    }

    public ObjectProperty<NetworkInterface> selectedEni() {
        return selectedEni;
    }

    public ObjectProperty<CloudInstance> selectedInstance() {
        return selectedInstance;
    }

    public TaskRunner tasks() {
        return tasks;
    }
}
