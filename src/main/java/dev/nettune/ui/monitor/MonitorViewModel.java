package dev.nettune.ui.monitor;

import dev.nettune.ui.common.Messages;
import dev.nettune.app.HostOptions;
import dev.nettune.app.HostResolver;
import dev.nettune.host.Host;
import dev.nettune.monitor.ChartFrame;
import dev.nettune.monitor.MonitorSession;
import dev.nettune.monitor.QueueHistory;
import dev.nettune.monitor.QueueMetric;
import dev.nettune.monitor.RateCsv;
import dev.nettune.monitor.RateSample;
import dev.nettune.monitor.Recordings;
import dev.nettune.monitor.SamplingInterval;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.ui.common.TaskRunner;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The Monitor's live panel, testable without the FX toolkit: the running session on the shared
 * {@link MonitorTarget}, the latest chart frame (built off the FX thread at most
 * {@value #REDRAWS_PER_SECOND} times a second and only when a sample arrived), hidden queues, pause,
 * recording and CSV export. Properties change on the runner's UI executor; the other tabs have their
 * own view models ({@link VerifyViewModel}, {@link DpdkViewModel}, {@link RecordingsViewModel}).
 */
public final class MonitorViewModel implements AutoCloseable {
    public static final int REDRAWS_PER_SECOND = 4;
    /** Points per queue a redraw draws at most, whatever the window holds. */
    public static final int MAX_POINTS = 600;
    public static final List<String> INTERVALS = List.of("0.2", "0.5", "1", "2", "5", "10");
    public static final List<String> WINDOWS = List.of("1 min", "5 min", "15 min", "1 h");
    private static final DateTimeFormatter CAPTION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final HostResolver hosts;
    private final MonitorTarget target;
    private final Supplier<Optional<Recordings>> recordingStore;
    private final TaskRunner tasks;
    private final BiFunction<String, String, Runnable> onStart;

    private final StringProperty interval = new SimpleStringProperty("1");
    private final StringProperty window = new SimpleStringProperty("5 min");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final BooleanProperty recording = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty(Messages.get("monitor.status.pick"));
    private final StringProperty imbalance = new SimpleStringProperty("");
    private final StringProperty caption = new SimpleStringProperty("");
    private final ObjectProperty<ChartFrame> frame = new SimpleObjectProperty<>(ChartFrame.empty(QueueMetric.RX_PACKETS));
    private final ObjectProperty<Optional<IndirectionTable>> table = new SimpleObjectProperty<>(Optional.empty());
    private final ObservableSet<Integer> hiddenQueues = FXCollections.observableSet();
    private final IntegerProperty queueCount = new SimpleIntegerProperty(0);

    private MonitorSession session;
    private TaskRunner.Handle ticker = TaskRunner.Handle.none();
    private TaskRunner.Handle starting = TaskRunner.Handle.none();
    private long drawnVersion = -1;

    /**
     * {@code onStart} gives, for a host and NIC, what to do on the worker before sampling starts (the
     * sandbox's background traffic); {@code recordings} is asked for the store on first use (it opens SQLite).
     */
    public MonitorViewModel(HostResolver hosts, MonitorTarget target, Supplier<Optional<Recordings>> recordings, TaskRunner tasks,
            BiFunction<String, String, Runnable> onStart) {
        this.hosts = hosts;
        this.target = target;
        this.recordingStore = recordings;
        this.tasks = tasks;
        this.onStart = onStart;
    }

    /** The host and NIC this panel and the tabs work on. */
    public MonitorTarget target() {
        return target;
    }

    /** Lists the chosen host's NICs (in the background) and chooses the one carrying traffic. */
    public void loadNics() {
        target.loadNics(hosts, tasks, status::set);
    }

    /** Starts monitoring the chosen host and NIC (stopping any running session first). */
    public void start() {
        stop();
        String h = target.hostProperty().get();
        String n = target.nicProperty().get();
        SamplingInterval iv;
        Duration win;
        try {
            iv = SamplingInterval.ofSeconds(interval.get());
            win = windowDuration(window.get());
        } catch (IllegalArgumentException e) {
            status.set(Messages.problem(e));
            return;
        }
        status.set(Messages.format("monitor.status.connecting", h));
        running.set(true);
        starting = tasks.submit(() -> {
            Host host = hosts.resolve(h, HostOptions.defaults());
            Runnable before = onStart.apply(h, n);
            if (before != null) {
                before.run();
            }
            MonitorSession s = new MonitorSession(host, n, iv, QueueHistory.DEFAULT_WINDOW.compareTo(win) > 0
                    ? QueueHistory.DEFAULT_WINDOW : win, tasks.scheduler(), tasks.clock());
            s.addListener(new MonitorSession.Listener() {
                @Override
                public void status(String text) {
                    tasks.toUi(() -> status.set(text));
                }

                @Override
                public void status(dev.nettune.Phrase text) {
                    String said = Messages.say(text);
                    tasks.toUi(() -> status.set(said));
                }
            });
            s.start();
            synchronized (this) {
                session = s;
                drawnVersion = -1;
                ticker = tasks.every(Duration.ofMillis(1000 / REDRAWS_PER_SECOND), this::redraw);
            }
            return s;
        }, s -> {
            table.set(s.table());
            status.set(Messages.format("monitor.status.sampling", n, h, iv.sleepArgument()));
        }, e -> {
            running.set(false);
            status.set(Messages.format("monitor.status.cannotMonitor", n, h, message(e)));
        });
    }

    /** Builds a frame off the FX thread when a new sample arrived and the view is not paused; hands it to the FX thread. */
    void redraw() {
        MonitorSession s;
        synchronized (this) {
            s = session;
        }
        if (s == null || paused.get()) {
            return;
        }
        long v = s.version();
        if (v == drawnVersion) {
            return;
        }
        drawnVersion = v;
        long now = tasks.clock().getAsLong();
        long from = now - windowDuration(window.get()).toMillis();
        ChartFrame f = s.history().frame(QueueMetric.RX_PACKETS, from, MAX_POINTS);
        String text = imbalanceText(f);
        String cap = caption(s.hostName(), s.nic(), f);
        tasks.toUi(() -> show(f, text, cap));
    }

    private void show(ChartFrame f, String text, String cap) {
        // The frame last: whoever reacts to a new frame finds its queue count, imbalance and caption already set.
        queueCount.set(f.queueCount());
        imbalance.set(text);
        caption.set(cap);
        frame.set(f);
    }

    /** Shows a stored recording's frame instead of live data (live sampling stops first). */
    public void showRecorded(ChartFrame f, String host, String nic, Optional<IndirectionTable> recordedTable) {
        stop();
        table.set(recordedTable);
        show(f, imbalanceText(f), caption(host, nic, f) + " " + Messages.get("monitor.caption.recording"));
        status.set(Messages.format("monitor.status.showingRecording", nic, host));
    }

    /** "host · NIC · from – to": what an exported picture says about itself. */
    static String caption(String host, String nic, ChartFrame f) {
        if (f.points() == 0) {
            return host + " \u00b7 " + nic;
        }
        return host + " \u00b7 " + nic + " \u00b7 " + CAPTION_TIME.format(Instant.ofEpochMilli(f.times()[0])) + " \u2013 "
                + CAPTION_TIME.format(Instant.ofEpochMilli(f.times()[f.points() - 1]));
    }

    static String imbalanceText(ChartFrame f) {
        RateSample latest = f.latest();
        if (latest == null) {
            return "";
        }
        var i = f.imbalance();
        if (i.queues() == 0 || i.idle()) {
            return Messages.format("monitor.summary.idle", f.queueCount());
        }
        return Messages.format("monitor.summary", String.format(Locale.ROOT, "%.0f", latest.totalRxPps()), i.busiestQueue(),
                String.format(Locale.ROOT, "%.2f", i.maxOverMean()), String.format(Locale.ROOT, "%.2f", i.coefficientOfVariation()),
                Messages.say(latest.sourcePhrase()));
    }

    /** Stops monitoring; call on the FX thread (properties change here). */
    public void stop() {
        starting.cancel();
        if (stopSession()) {
            status.set(Messages.get("monitor.status.stopped"));
        }
        running.set(false);
        recording.set(false);
    }

    /** Ends the session and the redraw ticker, touching no property: safe from any thread. */
    private boolean stopSession() {
        MonitorSession s;
        synchronized (this) {
            s = session;
            session = null;
            ticker.cancel();
            ticker = TaskRunner.Handle.none();
        }
        if (s != null) {
            s.close();
        }
        return s != null;
    }

    public void setQueueVisible(int queue, boolean visible) {
        if (visible) {
            hiddenQueues.remove(queue);
        } else {
            hiddenQueues.add(queue);
        }
    }

    public boolean queueVisible(int queue) {
        return !hiddenQueues.contains(queue);
    }

    /** Starts or stops writing every sample to a stored recording; the database work runs off the FX thread. */
    public void setRecording(boolean on) {
        MonitorSession s;
        synchronized (this) {
            s = session;
        }
        if (s == null) {
            recording.set(false);
            status.set(Messages.get("monitor.status.startFirst"));
            return;
        }
        recording.set(on);
        long now = tasks.clock().getAsLong();
        tasks.submit(() -> {
            if (on && !s.recording()) {
                Optional<Recordings> store = recordingStore.get();
                if (store.isEmpty()) {
                    return Messages.get("monitor.status.needDatabase");
                }
                Recordings.Session w = store.get().start(s.hostName(), s.nic(), s.interval().millis(), "", now);
                s.startRecording(w);
                return Messages.format("monitor.status.recording", s.nic(), s.hostName(), Long.toString(w.id()));
            }
            if (!on && s.recording()) {
                s.stopRecording();
                return Messages.get("monitor.status.recordingStopped");
            }
            return status.get();
        }, text -> {
            status.set(text);
            recording.set(s.recording());
        }, e -> {
            recording.set(false);
            status.set(Messages.format("monitor.status.cannotRecord", message(e)));
        });
    }

    /** Writes the visible window's samples as CSV, in the background; {@code done} gets the status line. */
    public void exportCsv(Path file, Consumer<String> done) {
        MonitorSession s;
        synchronized (this) {
            s = session;
        }
        if (s == null) {
            done.accept(Messages.get("monitor.status.nothingToExport"));
            return;
        }
        long from = tasks.clock().getAsLong() - windowDuration(window.get()).toMillis();
        tasks.submit(() -> {
            StringWriter text = new StringWriter();
            RateCsv csv = new RateCsv(text);
            for (RateSample r : s.history().samples(from)) {
                csv.sample(r);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(text.toString());
            }
            return Messages.format("monitor.status.saved", file.toString());
        }, done, e -> done.accept(Messages.format("monitor.status.cannotSaveCsv", message(e))));
    }

    /** Writes an exported picture (drawn by the view on the FX thread) as PNG, in the background. */
    public void saveImage(BufferedImage image, Path file) {
        tasks.submit(() -> {
            QueueCharts.writePng(image, file.toFile());
            return file;
        }, saved -> status.set(Messages.format("monitor.status.savedPng", saved.toString())),
                e -> status.set(Messages.format("monitor.status.cannotSavePng", message(e))));
    }

    static Duration windowDuration(String text) {
        return switch (text) {
            case "1 min" -> Duration.ofMinutes(1);
            case "5 min" -> Duration.ofMinutes(5);
            case "15 min" -> Duration.ofMinutes(15);
            case "1 h" -> Duration.ofHours(1);
            default -> throw new IllegalArgumentException(Messages.format("monitor.window.invalid", text, String.join(", ", WINDOWS)));
        };
    }

    static String message(Throwable e) {
        return Messages.problem(e);
    }

    /** Ends the session; safe from any thread (the properties follow on the UI executor). */
    @Override
    public void close() {
        starting.cancel();
        stopSession();
        tasks.toUi(() -> {
            running.set(false);
            recording.set(false);
        });
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    public StringProperty windowProperty() {
        return window;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public BooleanProperty recordingProperty() {
        return recording;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty imbalanceProperty() {
        return imbalance;
    }

    /** Host, NIC and time span of the frame shown: the caption of an exported PNG. */
    public StringProperty captionProperty() {
        return caption;
    }

    public ObjectProperty<ChartFrame> frameProperty() {
        return frame;
    }

    public ObjectProperty<Optional<IndirectionTable>> tableProperty() {
        return table;
    }

    public ObservableSet<Integer> hiddenQueues() {
        return hiddenQueues;
    }

    public IntegerProperty queueCountProperty() {
        return queueCount;
    }
}
