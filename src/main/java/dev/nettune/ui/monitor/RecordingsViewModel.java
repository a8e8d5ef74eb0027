package dev.nettune.ui.monitor;

import dev.nettune.ui.common.Messages;
import dev.nettune.monitor.ChartFrame;
import dev.nettune.monitor.QueueHistory;
import dev.nettune.monitor.QueueMetric;
import dev.nettune.monitor.RateCsv;
import dev.nettune.monitor.RecordedSeries;
import dev.nettune.monitor.Recording;
import dev.nettune.monitor.RecordingComparison;
import dev.nettune.monitor.Recordings;
import dev.nettune.monitor.SamplingInterval;
import dev.nettune.ui.common.TaskRunner;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Monitor's Recordings tab: the stored recordings (as {@code nettune recording list} shows them),
 * one opened on the live charts, two compared (before / after a change), one exported as CSV or
 * deleted. Every database and file access runs on the runner's workers.
 */
public final class RecordingsViewModel {
    /** What the user asked to open: the recording's frame, handed to the live charts. */
    public interface Opener {
        void open(Recording recording, ChartFrame frame);
    }

    private final Supplier<Optional<Recordings>> store;
    private final TaskRunner tasks;
    private final ObservableList<Recording> recordings = FXCollections.observableArrayList();
    private final ObservableList<RecordingComparison.QueueLine> comparison = FXCollections.observableArrayList();
    private final ObjectProperty<Recording> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Recording> compareWith = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private Opener opener = (r, f) -> { };

    public RecordingsViewModel(Supplier<Optional<Recordings>> store, TaskRunner tasks) {
        this.store = store;
        this.tasks = tasks;
    }

    /** Where an opened recording goes (the live charts). */
    public void onOpen(Opener o) {
        opener = o;
    }

    /** Reads the list again, newest first. */
    public void refresh() {
        tasks.submit(() -> needStore().list().stream()
                .sorted((a, b) -> Long.compare(b.startedAtMillis(), a.startedAtMillis())).toList(), list -> {
                    Recording keep = selected.get();
                    recordings.setAll(list);
                    status.set(list.isEmpty() ? Messages.get("recordings.none") : Messages.format("recordings.count", list.size()));
                    selected.set(keep == null ? null : list.stream().filter(r -> r.id() == keep.id()).findFirst().orElse(null));
                }, e -> status.set(Messages.format("recordings.cannotList", MonitorViewModel.message(e))));
    }

    /** Loads the selected recording and shows it on the charts. */
    public void openSelected() {
        Recording r = selected.get();
        if (r == null) {
            status.set(Messages.get("recordings.selectToOpen"));
            return;
        }
        tasks.submit(() -> frameOf(needStore().load(r.id())), f -> {
            opener.open(r, f);
            status.set(Messages.format("recordings.opened", Long.toString(r.id())));
        }, e -> status.set(Messages.format("recordings.cannotOpen", Long.toString(r.id()), MonitorViewModel.message(e))));
    }

    /** Compares the selected recording (before) with the "compare with" one (after). */
    public void compare() {
        Recording before = selected.get();
        Recording after = compareWith.get();
        if (before == null || after == null || before.id() == after.id()) {
            status.set(Messages.get("recordings.selectTwo"));
            return;
        }
        tasks.submit(() -> {
            Recordings s = needStore();
            return RecordingComparison.of(s.load(before.id()), s.load(after.id()));
        }, c -> {
            comparison.setAll(c.queues());
            status.set(Messages.format("recordings.compared", Long.toString(before.id()), Long.toString(after.id()), Messages.say(c.said())));
        }, e -> status.set(Messages.format("recordings.cannotCompare", MonitorViewModel.message(e))));
    }

    /** Writes the selected recording as CSV (the CLI's {@code recording export} format). */
    public void exportSelected(Path file) {
        Recording r = selected.get();
        if (r == null) {
            status.set(Messages.get("recordings.selectToExport"));
            return;
        }
        tasks.submit(() -> {
            RecordedSeries series = needStore().load(r.id());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new RateCsv(w).series(series);
            }
            return file;
        }, f -> status.set(Messages.format("recordings.exported", Long.toString(r.id()), String.valueOf(f))),
                e -> status.set(Messages.format("recordings.cannotExport", Long.toString(r.id()), MonitorViewModel.message(e))));
    }

    /** Deletes the selected recording and lists again. */
    public void deleteSelected() {
        Recording r = selected.get();
        if (r == null) {
            status.set(Messages.get("recordings.selectToDelete"));
            return;
        }
        tasks.submit(() -> {
            needStore().delete(r.id());
            return r.id();
        }, id -> {
            selected.set(null);
            comparison.clear();
            refresh();
            status.set(Messages.format("recordings.deleted", String.valueOf(id)));
        }, e -> status.set(Messages.format("recordings.cannotDelete", Long.toString(r.id()), MonitorViewModel.message(e))));
    }

    private Recordings needStore() {
        return store.get().orElseThrow(() -> new IllegalStateException(Messages.get("recordings.noDatabase")));
    }

    /** The whole recording as one chart frame (gaps kept), at most {@value MonitorViewModel#MAX_POINTS} points per queue. */
    static ChartFrame frameOf(RecordedSeries series) {
        Recording r = series.recording();
        long start = r.startedAtMillis();
        long end = series.entries().isEmpty() ? start : series.entries().get(series.entries().size() - 1).timeMillis();
        // The history's capacity follows window / interval: a long recording gets a coarser interval, never too many points.
        SamplingInterval iv = SamplingInterval.ofSeconds(Math.max(Math.max(0.2, r.intervalMillis() / 1000.0), (end - start) / 100_000_000.0));
        QueueHistory h = new QueueHistory(Duration.ofMillis(Math.max(60_000, end - start + 2 * r.intervalMillis())), iv);
        for (RecordedSeries.Entry e : series.entries()) {
            if (e.gap()) {
                h.addGap(e.timeMillis());
            } else {
                h.add(e.sample());
            }
        }
        return h.frame(QueueMetric.RX_PACKETS, start - 1, MonitorViewModel.MAX_POINTS);
    }

    /** One line of the list: "#3 · sandbox eth1 · 2026-... · 120 samples". */
    static String describe(Recording r) {
        String started = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                .format(java.time.Instant.ofEpochMilli(r.startedAtMillis()).atZone(java.time.ZoneOffset.UTC));
        return Messages.format("recordings.line", String.valueOf(r.id()), r.host(), r.nic(), started, String.valueOf(r.samples()),
                String.format(Locale.ROOT, "%.1f", r.intervalMillis() / 1000.0), r.note().isBlank() ? "" : " \u00b7 " + r.note());
    }

    public ObservableList<Recording> recordings() {
        return recordings;
    }

    public ObservableList<RecordingComparison.QueueLine> comparison() {
        return comparison;
    }

    public ObjectProperty<Recording> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Recording> compareWithProperty() {
        return compareWith;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The recordings as the list shows them. */
    public List<String> lines() {
        return recordings.stream().map(RecordingsViewModel::describe).toList();
    }
}
