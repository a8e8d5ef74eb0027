package dev.nettune.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.monitor.RateCsv;
import dev.nettune.monitor.RateSample;
import dev.nettune.monitor.RecordedSeries;
import dev.nettune.monitor.RecordingComparison;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingStoreTest {
    @TempDir
    Path dir;

    static RateSample sample(long t, double... rx) {
        int n = rx.length;
        long[] deltas = new long[n];
        for (int q = 0; q < n; q++) {
            deltas[q] = (long) rx[q];
        }
        return new RateSample(t, 1.0, n, rx.clone(), rx.clone(), rx.clone(), rx.clone(), rx.clone(), new double[n][0],
                new double[] {1, 2}, deltas, "ethtool -S");
    }

    @Test
    void recordingIsReopenedFromTheFileWithItsSamplesAndGaps() {
        Path file = dir.resolve("nettune.db");
        long id;
        try (RecordingStore.Writer w = new RecordingStore(Database.open(file)).start("sandbox", "eth1", 1000, "before", 1_000)) {
            id = w.id();
            for (int i = 0; i < 45; i++) {
                w.sample(sample(1_000 + i * 1000L, 10 + i, 20, 30, Double.NaN));
            }
            w.gap(50_000, "connection reset");
            w.sample(sample(51_000, 1, 2, 3, 4));
        }
        RecordingStore reopened = new RecordingStore(Database.open(file));
        RecordedSeries s = reopened.load(id);
        assertThat(s.recording().host()).isEqualTo("sandbox");
        assertThat(s.recording().queueCount()).isEqualTo(4);
        assertThat(s.recording().samples()).isEqualTo(46);
        assertThat(s.recording().stoppedAtMillis()).isPresent();
        assertThat(s.entries()).hasSize(47);
        assertThat(s.entries().get(45).gapReason()).isEqualTo("connection reset");
        assertThat(s.samples().get(3).rxPps()[0]).isEqualTo(13.0);
        assertThat(s.samples().get(3).rxPps()[3]).isNaN();
        assertThat(s.samples().get(3).rxPacketDeltas()).containsExactly(13L, 20L, 30L, 0L);
    }

    @Test
    void recordingsAreListedNewestFirst() {
        RecordingStore store = new RecordingStore(Database.open(dir.resolve("a.db")));
        store.start("h1", "eth0", 1000, "", 1_000).close();
        store.start("h2", "eth1", 500, "after", 2_000).close();
        assertThat(store.list()).extracting(r -> r.host()).containsExactly("h2", "h1");
    }

    @Test
    void exportedCsvHasOneRowPerQueueAndSampleAndMarksGaps() throws Exception {
        RecordingStore store = new RecordingStore(Database.open(dir.resolve("c.db")));
        long id;
        try (RecordingStore.Writer w = store.start("sandbox", "eth1", 1000, "", 0)) {
            id = w.id();
            w.sample(sample(1_000, 5, 15));
            w.gap(2_000, "=cmd|' /C calc'!A0");
        }
        StringBuilder csv = new StringBuilder();
        new RateCsv(csv).series(store.load(id));
        assertThat(csv.toString().lines()).containsExactly(
                RateCsv.HEADER,
                "1970-01-01T00:00:01Z,1000,1,0,5,5,5,5,5,5,ethtool -S,",
                "1970-01-01T00:00:01Z,1000,1,1,15,15,15,15,15,15,ethtool -S,",
                "1970-01-01T00:00:02Z,2000,,,,,,,,,,'=cmd|' /C calc'!A0");
    }

    @Test
    void twoRecordingsCompareQueueSharesAndEvenness() {
        RecordingStore store = new RecordingStore(Database.open(dir.resolve("d.db")));
        long before;
        long after;
        try (RecordingStore.Writer w = store.start("sandbox", "eth1", 1000, "before", 0)) {
            before = w.id();
            for (int i = 0; i < 10; i++) {
                w.sample(sample(i * 1000L, 700, 100, 100, 100));
            }
        }
        try (RecordingStore.Writer w = store.start("sandbox", "eth1", 1000, "after", 100_000)) {
            after = w.id();
            for (int i = 0; i < 10; i++) {
                w.sample(sample(100_000 + i * 1000L, 250, 250, 250, 250));
            }
        }
        RecordingComparison c = RecordingComparison.of(store.load(before), store.load(after));
        assertThat(c.queues().get(0).shareBefore()).isEqualTo(0.7);
        assertThat(c.queues().get(0).shareAfter()).isEqualTo(0.25);
        assertThat(c.imbalanceBefore().maxOverMean()).isEqualTo(2.8);
        assertThat(c.imbalanceAfter().maxOverMean()).isEqualTo(1.0);
        assertThat(c.summary()).contains("more even after");
    }

    @Test
    void loadingAMissingRecordingSaysHowToListThem() {
        RecordingStore store = new RecordingStore(Database.open(dir.resolve("e.db")));
        assertThatThrownBy(() -> store.load(42)).hasMessageContaining("no recording 42");
    }
}
