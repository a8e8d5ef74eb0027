package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.monitor.ChartFrame;
import dev.nettune.monitor.RateSample;
import dev.nettune.monitor.Recording;
import dev.nettune.store.RecordingStore;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Recordings tab over a real SQLite file: list, open, compare, export, delete. */
class RecordingsViewModelTest {
    private static final long T0 = 1_767_225_600_000L;

    @TempDir
    Path dir;

    AppContext context;
    RecordingStore store;
    RecordingsViewModel model;
    List<ChartFrame> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        context = new AppContext(dir.resolve("config"));
        store = new RecordingStore(context.database());
        model = new RecordingsViewModel(() -> Optional.of(store), TestTasks.sameThread());
        model.onOpen((r, f) -> opened.add(f));
    }

    @AfterEach
    void close() {
        context.close();
    }

    static RateSample sample(long t, double... rx) {
        int n = rx.length;
        long[] deltas = new long[n];
        for (int q = 0; q < n; q++) {
            deltas[q] = (long) rx[q];
        }
        return new RateSample(t, 1.0, n, rx.clone(), rx.clone(), rx.clone(), rx.clone(), rx.clone(), new double[n][0],
                new double[] {1, 2}, deltas, "ethtool -S");
    }

    private long record(long start, double... rx) {
        RecordingStore.Writer w = store.start("sandbox", "eth1", 1000, "", start);
        for (int i = 1; i <= 5; i++) {
            w.sample(sample(start + i * 1000L, rx));
        }
        w.close();
        return w.id();
    }

    private Recording listed(long id) {
        return model.recordings().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Test
    void theListShowsEveryRecordingNewestFirst() {
        long first = record(T0, 100, 100);
        long second = record(T0 + 60_000, 300, 100);

        model.refresh();

        assertThat(model.recordings()).extracting(Recording::id).containsExactly(second, first);
        assertThat(RecordingsViewModel.describe(listed(first))).contains("#" + first).contains("sandbox eth1").contains("5 samples");
    }

    @Test
    void anEmptyStoreSaysHowToMakeARecording() {
        model.refresh();

        assertThat(model.statusProperty().get()).contains("press Record");
    }

    @Test
    void openingPutsTheWholeRecordingOnTheCharts() {
        long id = record(T0, 100, 300);
        model.refresh();
        model.selectedProperty().set(listed(id));

        model.openSelected();

        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).queueCount()).isEqualTo(2);
        assertThat(opened.get(0).points()).isEqualTo(5);
    }

    @Test
    void comparingTwoGivesEachQueueBeforeAndAfter() {
        long before = record(T0, 300, 100);
        long after = record(T0 + 60_000, 200, 200);
        model.refresh();
        model.selectedProperty().set(listed(before));
        model.compareWithProperty().set(listed(after));

        model.compare();

        assertThat(model.comparison()).hasSize(2);
        assertThat(model.comparison().get(0).shareBefore()).isEqualTo(0.75);
        assertThat(model.comparison().get(0).shareAfter()).isEqualTo(0.5);
        assertThat(model.statusProperty().get()).contains("more even after");
    }

    @Test
    void comparingARecordingWithItselfIsRefused() {
        long id = record(T0, 100, 100);
        model.refresh();
        model.selectedProperty().set(listed(id));
        model.compareWithProperty().set(listed(id));

        model.compare();

        assertThat(model.comparison()).isEmpty();
        assertThat(model.statusProperty().get()).contains("a different one");
    }

    @Test
    void exportWritesTheCliCsv() throws Exception {
        long id = record(T0, 100, 100);
        model.refresh();
        model.selectedProperty().set(listed(id));
        Path csv = dir.resolve("r.csv");

        model.exportSelected(csv);

        assertThat(Files.readAllLines(csv).get(0)).startsWith("time_utc,epoch_ms");
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(5);
    }

    @Test
    void deleteRemovesItFromTheStoreAndTheList() {
        long keep = record(T0, 100, 100);
        long gone = record(T0 + 60_000, 100, 100);
        model.refresh();
        model.selectedProperty().set(listed(gone));

        model.deleteSelected();

        assertThat(store.list()).extracting(Recording::id).containsExactly(keep);
        assertThat(model.recordings()).extracting(Recording::id).containsExactly(keep);
    }
}
