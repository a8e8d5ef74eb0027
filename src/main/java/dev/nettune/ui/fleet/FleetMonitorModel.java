package dev.nettune.ui.fleet;

import dev.nettune.app.FleetMonitorService;
import dev.nettune.app.FleetService;
import dev.nettune.app.HostOptions;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.monitor.FleetMonitor;
import dev.nettune.ui.common.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Fleet screen's monitor tab, toolkit-free: a NIC watched on the instances the screen picked, its rows
 * refreshed once a second and a line that says what is watched or why an instance is not. Sampling runs on
 * {@code scheduler}, closing on {@code workers}, results land on {@code ui}.
 */
public final class FleetMonitorModel {
    private final StringProperty nic = new SimpleStringProperty("eth1");
    private final BooleanProperty monitoring = new SimpleBooleanProperty(false);
    private final ObservableList<FleetMonitor.Row> rows = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    private final FleetService fleet;
    private final HostOptions options;
    private final Executor workers;
    private final Executor ui;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private FleetMonitorService monitor;
    private ScheduledFuture<?> tick;

    FleetMonitorModel(FleetService fleet, HostOptions options, Executor workers, Executor ui, ScheduledExecutorService scheduler,
                      LongSupplier clock) {
        this.fleet = fleet;
        this.options = options;
        this.workers = workers;
        this.ui = ui;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Starts the fleet monitor on these instances' NIC; the rows refresh once a second. */
    void start(List<FleetInstance> watched) {
        stop();
        if (watched.isEmpty()) {
            status.set(Messages.get("fleet.monitor.pickFirst"));
            return;
        }
        String n = nic.get().strip();
        try {
            dev.nettune.monitor.SamplerScript.checkNic(n);
        } catch (IllegalArgumentException e) {
            status.set(Messages.problem(e));
            return;
        }
        // SSH members are sampled every second, Cloud Assistant ones every 5 s: judge staleness by the slower.
        Duration poll = Duration.ofSeconds(5);
        FleetMonitorService m = new FleetMonitorService(fleet, new FleetMonitor(60, FleetMonitor.Thresholds.polledEvery(poll)), scheduler,
                clock);
        monitor = m;
        m.start(watched, n, options, poll);
        monitoring.set(true);
        status.set(Messages.format("fleet.monitor.watching", n, watched.size()));
        tick = scheduler.scheduleAtFixedRate(this::refresh, 0, 1, TimeUnit.SECONDS);
    }

    /** One refresh: the model's rows (sorted by the table itself) and any instance that could not be watched. */
    public void refresh() {
        FleetMonitorService m = monitor;
        if (m == null) {
            return;
        }
        List<FleetMonitor.Row> now = m.model().rows(clock.getAsLong(), FleetMonitor.SortKey.HEALTH, false);
        Map<String, dev.nettune.Phrase> problems = m.problemPhrases();
        ui.execute(() -> {
            if (monitor != m) {
                return;
            }
            rows.setAll(now);
            if (!problems.isEmpty()) {
                Map.Entry<String, dev.nettune.Phrase> first = problems.entrySet().iterator().next();
                status.set(Messages.format("fleet.monitor.notWatched", problems.size(), first.getKey(), Messages.say(first.getValue())));
            }
        });
    }

    /** Stops the fleet monitor. */
    public void stop() {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        FleetMonitorService m = monitor;
        monitor = null;
        if (m != null) {
            workers.execute(m::close);
        }
        monitoring.set(false);
    }

    public StringProperty nicProperty() {
        return nic;
    }

    public BooleanProperty monitoringProperty() {
        return monitoring;
    }

    public ObservableList<FleetMonitor.Row> rows() {
        return rows;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
