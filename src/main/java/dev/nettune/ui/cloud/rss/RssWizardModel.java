package dev.nettune.ui.cloud.rss;

import dev.nettune.ui.common.Messages;
import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.CloudPlanner;
import dev.nettune.cloud.InstanceTypeInfo;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.PreflightCheck;
import dev.nettune.cloud.RssPreflight;
import dev.nettune.ui.cloud.CloudSession;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.cloud.PlanRunModel;
import java.util.Optional;
import javafx.beans.binding.Bindings;
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
 * The custom-RSS wizard's state: on or off, the preflight (region, RssSupport, image/kernel, DPDK)
 * recomputed as the user types the kernel or DPDK version, then the plan with what makes it take
 * effect. Testable without the FX toolkit.
 */
public final class RssWizardModel {
    private final CloudSession session;
    private final TaskRunner tasks;
    private final NetworkInterface eni;
    private final BooleanProperty enable = new SimpleBooleanProperty(true);
    private final StringProperty kernel = new SimpleStringProperty("");
    private final BooleanProperty dpdk = new SimpleBooleanProperty(false);
    private final StringProperty dpdkVersion = new SimpleStringProperty("");
    private final BooleanProperty ignorePreflight = new SimpleBooleanProperty(false);
    private final ObjectProperty<Optional<CloudInstance>> instance = new SimpleObjectProperty<>();
    private final ObjectProperty<Optional<InstanceTypeInfo>> type = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Optional<Boolean>> currentRss = new SimpleObjectProperty<>(Optional.empty());
    private final ObservableList<PreflightCheck> checks = FXCollections.observableArrayList();
    private final BooleanProperty anyFailed = new SimpleBooleanProperty(false);
    private final StringProperty loadStatus = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty guestRss = new SimpleStringProperty("");
    private final BooleanBinding invalid;
    private final PlanRunModel runner;

    public RssWizardModel(CloudSession session, TaskRunner tasks, NetworkInterface eni) {
        this.session = session;
        this.tasks = tasks;
        this.eni = eni;
        this.runner = new PlanRunModel(session, tasks);
        invalid = instance.isNull().or(enable.and(anyFailed).and(ignorePreflight.not()));
        kernel.addListener(o -> recheck());
        dpdk.addListener(o -> recheck());
        dpdkVersion.addListener(o -> recheck());
        enable.addListener(o -> recheck());
    }

    /** Reads the ENI's instance, its instance type and the current setting off the UI thread. */
    public void load() {
        loadStatus.set(Messages.format("rssWizard.status.reading", eni.id().toString()));
        tasks.submit(() -> {
            Optional<CloudInstance> i = eni.instanceId().flatMap(id -> session.api().describeInstance(session.region(), id));
            Optional<InstanceTypeInfo> t = i.flatMap(x -> session.api().describeInstanceType(session.region(), x.instanceType()));
            Optional<Boolean> rss = session.api().describeCustomRss(session.region(), eni.id());
            return new Preflight(i, t, rss);
        }, r -> {
            Optional<CloudInstance> i = r.instance();
            Optional<InstanceTypeInfo> t = r.type();
            Optional<Boolean> rss = r.rssEnabled();
            type.set(t);
            currentRss.set(rss);
            instance.set(i);
            enable.set(!rss.orElse(false));
            String where = i.map(x -> Messages.format("rssWizard.status.on", eni.type(), eni.status(), x.id().toString(), x.instanceType()))
                    .orElse(Messages.format("rssWizard.status.detached", eni.type(), eni.status()));
            loadStatus.set(Messages.format("rssWizard.status.read", eni.id().toString(), where,
                    Messages.get(rss.map(b -> b ? "rssWizard.status.enabled" : "rssWizard.status.disabled").orElse("rssWizard.status.notSet"))));
            recheck();
        }, e -> loadStatus.set(Messages.format("rssWizard.status.cannotRead", Messages.problem(e))));
    }

    private void recheck() {
        if (instance.get() == null) {
            return;
        }
        Optional<CloudInstance> i = instance.get();
        RssPreflight.Result r = RssPreflight.check(new RssPreflight.Inputs(session.region(), type.get(),
                i.map(CloudInstance::instanceType).orElse(Messages.get("rssWizard.notAttached")), i.map(CloudInstance::osName),
                Optional.ofNullable(kernel.get()).filter(s -> !s.isBlank()), dpdk.get(),
                Optional.ofNullable(dpdkVersion.get()).filter(s -> !s.isBlank())));
        checks.setAll(r.checks());
        anyFailed.set(r.anyFailed());
    }

    /**
     * After the plan ran: reads {@code ethtool -x} of the NIC that carries the ENI's MAC on the host
     * the user named (the sandbox host for the sandbox region); the result goes to {@link #guestRss()}.
     */
    public void checkGuest() {
        String name = host.get() == null ? "" : host.get().strip();
        if (name.isEmpty()) {
            guestRss.set(Messages.get("rssWizard.guest.noHost"));
            return;
        }
        guestRss.set(Messages.format("rssWizard.guest.reading", name));
        tasks.submit(() -> {
            try (dev.nettune.host.Host h = session.hosts().open(name)) {
                dev.nettune.cloud.GuestNics guest = new dev.nettune.cloud.GuestNics(h);
                Optional<String> nic = guest.nicWithMac(eni.macAddress());
                if (nic.isEmpty()) {
                    return Messages.format("rssWizard.guest.noNic", name, String.valueOf(eni.macAddress()));
                }
                return name + ": " + Messages.say(dev.nettune.cloud.GuestNics.describePhrase(guest.rss(nic.get())));
            }
        }, guestRss::set, e -> guestRss.set(Messages.format("rssWizard.guest.cannotRead", name, Messages.problem(e))));
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty guestRssProperty() {
        return guestRss;
    }

    public CloudPlan plan() {
        return CloudPlanner.customRss(session.region(), eni, enable.get());
    }

    public BooleanBinding preflightSummaryFailedProperty() {
        return Bindings.createBooleanBinding(anyFailed::get, anyFailed);
    }

    public BooleanProperty enableProperty() {
        return enable;
    }

    public StringProperty kernelProperty() {
        return kernel;
    }

    public BooleanProperty dpdkProperty() {
        return dpdk;
    }

    public StringProperty dpdkVersionProperty() {
        return dpdkVersion;
    }

    public BooleanProperty ignorePreflightProperty() {
        return ignorePreflight;
    }

    public ObservableList<PreflightCheck> checks() {
        return checks;
    }

    public StringProperty loadStatusProperty() {
        return loadStatus;
    }

    public BooleanBinding invalidProperty() {
        return invalid;
    }

    public PlanRunModel runner() {
        return runner;
    }

    public NetworkInterface eni() {
        return eni;
    }

    /** What the preflight read, handed from the worker to the FX thread. */
    record Preflight(Optional<CloudInstance> instance, Optional<InstanceTypeInfo> type, Optional<Boolean> rssEnabled) {
    }
}
