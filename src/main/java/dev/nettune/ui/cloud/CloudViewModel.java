package dev.nettune.ui.cloud;

import dev.nettune.ui.common.Messages;
import dev.nettune.app.CloudAccounts;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.CloudRegion;
import dev.nettune.cloud.ElasticIp;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.SecurityGroup;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Cloud screen's state: the accounts to pick from (sandbox, aliyun CLI profiles, environment, ECS RAM
 * role), the chosen account, region and endpoint override, the session they open, the region's instances,
 * ENIs, security groups and EIPs, what is selected, and whether a load is running. No toolkit needed.
 */
public final class CloudViewModel {
    /** Opens sessions for accounts; the screen's is backed by {@link CloudAccounts}, a test's may be one fixed session. */
    public interface Connector {
        List<CloudAccounts.Account> accounts();

        Optional<CloudAccounts.Choice> remembered();

        void remember(CloudAccounts.Choice choice);

        /** Connects and lists the account's regions (DescribeRegions); blocks, runs off the FX thread. */
        Connected connect(CloudAccounts.Account account, Optional<String> region, Optional<String> endpoint);
    }

    /** A session and the regions its account may use. */
    public record Connected(CloudSession session, List<CloudRegion> regions) {
    }

    private final TaskRunner tasks;
    private final Connector connector;
    private final ObjectProperty<CloudSession> session = new SimpleObjectProperty<>();
    private final StringProperty connection = new SimpleStringProperty(Messages.get("cloud.status.notConnected"));
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<CloudAccounts.Account> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<CloudAccounts.Account> account = new SimpleObjectProperty<>();
    private final ObservableList<CloudRegion> regions = FXCollections.observableArrayList();
    private final ObjectProperty<CloudRegion> region = new SimpleObjectProperty<>();
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringBinding endpointProblem = Bindings.createStringBinding(() -> {
        dev.nettune.Phrase problem = CloudAccounts.endpointProblem(endpoint.get());
        return problem == null ? "" : Messages.say(problem);
    }, endpoint);
    private final ObservableList<CloudInstance> instances = FXCollections.observableArrayList();
    private final ObservableList<NetworkInterface> networkInterfaces = FXCollections.observableArrayList();
    private final ObservableList<SecurityGroup> securityGroups = FXCollections.observableArrayList();
    private final ObservableList<ElasticIp> eips = FXCollections.observableArrayList();
    private final ObjectProperty<NetworkInterface> selectedEni = new SimpleObjectProperty<>();
    private final ObjectProperty<CloudInstance> selectedInstance = new SimpleObjectProperty<>();
    private TaskRunner.Handle running;
    /** What the current session was opened with; connect() with the same choice only refreshes. */
    private CloudAccounts.Choice connectedWith;

    /** What one refresh reads. */
    record Snapshot(List<CloudInstance> instances, List<NetworkInterface> enis, List<SecurityGroup> groups, List<ElasticIp> eips) {
    }

    public CloudViewModel(TaskRunner tasks, Connector connector) {
        this.tasks = tasks;
        this.connector = connector;
    }

    /** A screen on one fixed session (the sandbox in tests): one account, nothing remembered. */
    public CloudViewModel(TaskRunner tasks, Supplier<CloudSession> fixed) {
        this(tasks, new Connector() {
            private final CloudAccounts.Account only = new CloudAccounts.Account(CloudAccounts.Kind.SANDBOX, "sandbox", "", Optional.empty());

            @Override
            public List<CloudAccounts.Account> accounts() {
                return List.of(only);
            }

            @Override
            public Optional<CloudAccounts.Choice> remembered() {
                return Optional.empty();
            }

            @Override
            public void remember(CloudAccounts.Choice choice) {
                // one fixed session: nothing to remember
            }

            @Override
            public Connected connect(CloudAccounts.Account account, Optional<String> region, Optional<String> endpoint) {
                CloudSession s = fixed.get();
                return new Connected(s, List.of(new CloudRegion(s.region(), "")));
            }
        });
    }

    /**
     * Lists the accounts, picks the remembered one (or the sandbox on first start, or when the remembered
     * profile is gone) with its region and endpoint, and connects.
     */
    public void start() {
        busy.set(true);
        status.set(Messages.get("cloud.status.lookingForAccounts"));
        running = tasks.submit(() -> new Object[] {connector.accounts(), connector.remembered()}, found -> {
            @SuppressWarnings("unchecked")
            List<CloudAccounts.Account> list = (List<CloudAccounts.Account>) found[0];
            @SuppressWarnings("unchecked")
            Optional<CloudAccounts.Choice> last = (Optional<CloudAccounts.Choice>) found[1];
            accounts.setAll(list);
            CloudAccounts.Account pick = last.flatMap(c -> list.stream().filter(a -> a.key().equals(c.account())).findFirst()).orElse(list.get(0));
            account.set(pick);
            boolean same = last.isPresent() && last.get().account().equals(pick.key());
            region.set(same ? last.get().region().map(r -> new CloudRegion(RegionId.of(r), "")).orElse(null) : null);
            endpoint.set(same ? last.get().endpoint().orElse("") : "");
            busy.set(false);
            connect();
        }, e -> {
            busy.set(false);
            // A damaged ~/.aliyun/config.json must not lock the user out of the sandbox.
            CloudAccounts.Account sandbox = new CloudAccounts.Account(CloudAccounts.Kind.SANDBOX, "sandbox", "", Optional.empty());
            accounts.setAll(List.of(sandbox));
            account.set(sandbox);
            status.set(Messages.format("cloud.status.cannotListAccounts", message(e)));
        });
    }

    /** The choice the form holds now. */
    private CloudAccounts.Choice choice() {
        CloudAccounts.Account a = account.get();
        boolean sandbox = a == null || a.sandbox();
        return new CloudAccounts.Choice(a == null ? "sandbox" : a.key(), Optional.ofNullable(region.get()).map(r -> r.id().value()),
                sandbox ? Optional.empty() : Optional.ofNullable(endpoint.get()).map(String::strip));
    }

    /** True when the form names a different account, region or endpoint than the open session. */
    public boolean choiceChanged() {
        return !Objects.equals(choice(), connectedWith);
    }

    /**
     * Opens a session for the chosen account, region and endpoint, lists the regions and reads the region,
     * then remembers the choice. With the choice unchanged it only refreshes.
     */
    public void connect() {
        CloudAccounts.Account a = account.get();
        if (a == null) {
            return;
        }
        if (!choiceChanged() && session.get() != null) {
            refresh();
            return;
        }
        if (!a.sandbox() && !endpointProblem.get().isEmpty()) {
            status.set(endpointProblem.get());
            return;
        }
        cancelRunning();
        CloudAccounts.Choice wanted = choice();
        busy.set(true);
        status.set(a.sandbox() ? Messages.get("cloud.status.startingSandbox") : Messages.format("cloud.status.connecting", shown(a)));
        running = tasks.submit(() -> {
            Connected c = connector.connect(a, wanted.region(), wanted.endpoint());
            return new Object[] {c, read(c.session())};
        }, result -> {
            Connected c = (Connected) result[0];
            CloudSession s = c.session();
            regions.setAll(c.regions());
            CloudRegion current = c.regions().stream().filter(r -> r.id().equals(s.region())).findFirst().orElseGet(() -> {
                CloudRegion r = new CloudRegion(s.region(), "");
                regions.add(0, r);
                return r;
            });
            region.set(current);
            connectedWith = choice();
            session.set(s);
            show(s, (Snapshot) result[1]);
            try {
                connector.remember(connectedWith);
            } catch (RuntimeException e) {
                status.set(status.get() + " " + Messages.format("cloud.status.notRemembered", Messages.problem(e)));
            }
        }, e -> {
            busy.set(false);
            session.set(null);
            connectedWith = null;
            clearTables();
            connection.set(Messages.get("cloud.status.notConnected"));
            status.set(Messages.format("cloud.status.cannotConnect", shown(a), message(e)));
        });
    }

    /** Re-reads the region of the open session: DescribeInstances, DescribeNetworkInterfaces, DescribeSecurityGroups, DescribeEipAddresses. */
    public void refresh() {
        CloudSession known = session.get();
        if (known == null) {
            connect();
            return;
        }
        cancelRunning();
        busy.set(true);
        status.set(Messages.format("cloud.status.reading", known.region()));
        running = tasks.submit(() -> read(known), snap -> show(known, snap), e -> {
            busy.set(false);
            status.set(Messages.format("cloud.status.cannotReadRegion", message(e)));
        });
    }

    private static Snapshot read(CloudSession s) {
        var api = s.api();
        return new Snapshot(api.describeInstances(s.region()), api.describeNetworkInterfaces(s.region(), Optional.empty()),
                api.describeSecurityGroups(s.region()), api.describeEips(s.region()));
    }

    private void show(CloudSession s, Snapshot snap) {
        connection.set(Messages.format("cloud.connection", s.region(), s.description()));
        instances.setAll(snap.instances());
        networkInterfaces.setAll(snap.enis());
        securityGroups.setAll(snap.groups());
        eips.setAll(snap.eips());
        busy.set(false);
        status.set(Messages.format("cloud.status.snapshot", snap.instances().size(), snap.enis().size(), snap.groups().size(),
                snap.eips().size()));
    }

    private void clearTables() {
        instances.clear();
        networkInterfaces.clear();
        securityGroups.clear();
        eips.clear();
    }

    /**
     * Reads what a wizard works with ({@code load}: the saved hosts are SQLite reads) on a worker, then hands it to
     * {@code open} on the UI executor; the screen is busy meanwhile and a failure goes to the status line.
     */
    public <T> void prepare(java.util.concurrent.Callable<T> load, java.util.function.Consumer<T> open) {
        busy.set(true);
        tasks.submit(load, loaded -> {
            busy.set(false);
            open.accept(loaded);
        }, e -> {
            busy.set(false);
            status.set(Messages.format("cloud.status.cannotOpenWizard", message(e)));
        });
    }

    private static String message(Throwable e) {
        return Messages.problem(e);
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
        }
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
            busy.set(false);
            status.set(Messages.get("common.cancelled"));
        }
    }

    public BooleanBinding eniActionsDisabledProperty() {
        return selectedEni.isNull().or(session.isNull()).or(busy);
    }

    /** True while the chosen account is the sandbox: the endpoint override does not apply. */
    public BooleanBinding sandboxChosenProperty() {
        return Bindings.createBooleanBinding(() -> account.get() == null || account.get().sandbox(), account);
    }

    /** An account as the picker and the status line name it, in the language in use (CloudAccounts.Account.display() is English). */
    public static String shown(CloudAccounts.Account a) {
        return a == null ? "" : switch (a.kind()) {
            case SANDBOX -> Messages.get("cloud.account.sandbox");
            case PROFILE -> Messages.format("cloud.account.profile", a.name(), a.detail());
            case ENVIRONMENT -> Messages.format("cloud.account.environment", a.detail());
            case ECS_RAM_ROLE -> Messages.format("cloud.account.ramRole", a.name());
        };
    }

    public ObservableList<CloudAccounts.Account> accounts() {
        return accounts;
    }

    public ObjectProperty<CloudAccounts.Account> accountProperty() {
        return account;
    }

    public ObservableList<CloudRegion> regions() {
        return regions;
    }

    public ObjectProperty<CloudRegion> regionProperty() {
        return region;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    /** Empty while the endpoint override is blank or a usable URL; otherwise what is wrong and what is allowed. */
    public StringBinding endpointProblemProperty() {
        return endpointProblem;
    }

    public ObjectProperty<CloudSession> sessionProperty() {
        return session;
    }

    public StringProperty connectionProperty() {
        return connection;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
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

    public ObjectProperty<NetworkInterface> selectedEniProperty() {
        return selectedEni;
    }

    public ObjectProperty<CloudInstance> selectedInstanceProperty() {
        return selectedInstance;
    }

    public TaskRunner tasks() {
        return tasks;
    }
}
