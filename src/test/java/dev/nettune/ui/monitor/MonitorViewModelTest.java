package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.monitor.ChartFrame;
import dev.nettune.monitor.QueueSamplerTest;
import dev.nettune.store.RecordingStore;
import dev.nettune.ui.common.SteppableScheduler;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Monitor's live panel without the FX toolkit, on a steppable scheduler and clock: redraws happen
 * only when the test advances time, so "not redrawn" and "at most four a second" are exact, not slept on.
 * Samples come from the sandbox's sampler stream as they would from a host.
 */
class MonitorViewModelTest {
    @TempDir
    Path dir;

    AppContext context;
    SteppableScheduler scheduler;
    MonitorViewModel model;
    FramesDrawn redraws;
    List<String> statuses = new ArrayList<>();

    @BeforeEach
    void open() {
        context = new AppContext(dir.resolve("config"));
        scheduler = new SteppableScheduler();
        MonitorTarget target = new MonitorTarget(List.of("sandbox", "local"));
        model = new MonitorViewModel(context.hostResolver(), target, () -> Optional.of(new RecordingStore(context.database())),
                TestTasks.sameThread(scheduler), (host, nic) -> () -> context.sandboxTraffic().startBackground(nic, 3000));
        redraws = FramesDrawn.of(model);
        model.statusProperty().addListener((o, was, is) -> statuses.add(is));
    }

    @AfterEach
    void close() {
        model.close();
        context.close();
    }

    /** Steps the redraw ticker until the sandbox has sent enough samples for {@code frames} redraws. */
    private void stepUntilDrawn(int frames) throws InterruptedException {
        QueueSamplerTest.waitFor(() -> {
            scheduler.advance(Duration.ofMillis(1000 / MonitorViewModel.REDRAWS_PER_SECOND));
            return redraws.get() >= frames;
        });
    }

    @Test
    void startingOnTheSandboxRedrawsWithItsFourQueues() throws Exception {
        model.intervalProperty().set("0.2");
        model.start();
        stepUntilDrawn(2);
        assertThat(model.queueCountProperty().get()).isEqualTo(4);
        assertThat(model.tableProperty().get()).isPresent();
        assertThat(model.imbalanceProperty().get()).contains("pkt/s in total");
    }

    @Test
    void pausedViewIsNotRedrawnHoweverLongTimeRuns() throws Exception {
        model.intervalProperty().set("0.2");
        model.start();
        stepUntilDrawn(1);
        model.pausedProperty().set(true);
        int frozen = redraws.get();

        scheduler.advance(Duration.ofMinutes(10));

        assertThat(redraws.get()).isEqualTo(frozen);
        model.pausedProperty().set(false);
        stepUntilDrawn(frozen + 1);
    }

    @Test
    void aSecondOfTimeGivesAtMostFourRedraws() throws Exception {
        model.intervalProperty().set("0.2");
        model.start();
        stepUntilDrawn(1);
        int before = redraws.get();

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(redraws.get() - before).isLessThanOrEqualTo(MonitorViewModel.REDRAWS_PER_SECOND);
    }

    @Test
    void noRedrawWithoutANewSample() throws Exception {
        model.intervalProperty().set("0.2");
        model.start();
        stepUntilDrawn(1);
        model.stop();
        int before = redraws.get();

        scheduler.advance(Duration.ofSeconds(30));

        assertThat(redraws.get()).isEqualTo(before);
    }

    @Test
    void recordingKeepsSamplesAndCsvExportWritesTheWindow() throws Exception {
        model.intervalProperty().set("0.2");
        model.start();
        stepUntilDrawn(1);
        model.setRecording(true);
        assertThat(model.statusProperty().get()).startsWith("Recording eth1 on sandbox as recording ");
        // Each redraw needs a new sample: three more redraws mean at least three recorded samples.
        stepUntilDrawn(redraws.get() + 3);
        model.setRecording(false);
        RecordingStore store = new RecordingStore(context.database());
        assertThat(store.list()).hasSize(1);
        assertThat(store.list().get(0).samples()).isGreaterThan(2);
        Path csv = dir.resolve("w.csv");
        List<String> done = new ArrayList<>();
        model.exportCsv(csv, done::add);
        assertThat(done).containsExactly("Saved " + csv + ".");
        assertThat(Files.readAllLines(csv).size()).isGreaterThan(4);
    }

    @Test
    void recordingBeforeStartingSaysToStartFirst() {
        model.setRecording(true);

        assertThat(model.recordingProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Start monitoring first.");
    }

    @Test
    void csvExportWithoutASessionWritesNothingAndSaysWhy() {
        List<String> done = new ArrayList<>();
        Path csv = dir.resolve("none.csv");

        model.exportCsv(csv, done::add);

        assertThat(done).containsExactly("Nothing to export: start monitoring first.");
        assertThat(csv).doesNotExist();
    }

    @Test
    void closeEndsTheSessionSoTimeNoLongerRedraws() throws Exception {
        model.intervalProperty().set("0.2");
        model.start();
        stepUntilDrawn(1);

        model.close();
        int before = redraws.get();
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(redraws.get()).isEqualTo(before);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void theCaptionNamesHostNicAndTimeSpan() {
        ChartFrame f = new ChartFrame(dev.nettune.monitor.QueueMetric.RX_PACKETS, 1, new long[] {1_767_225_600_000L, 1_767_225_660_000L},
                new float[][] {{1, 2}}, null, dev.nettune.monitor.Imbalance.of(new double[0]), List.of());

        assertThat(MonitorViewModel.caption("sandbox", "eth1", f))
                .isEqualTo("sandbox \u00b7 eth1 \u00b7 2026-01-01 00:00:00 UTC \u2013 2026-01-01 00:01:00 UTC");
    }
}
