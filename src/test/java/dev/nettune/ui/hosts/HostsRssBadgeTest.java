package dev.nettune.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.RssInEffect;
import dev.nettune.host.HostStateReader;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.store.Database;
import dev.nettune.store.SqliteJournal;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.RssPush;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hosts screen's badge for a NIC whose RSS key and table may not be in effect, from the journal's boot id of the last push. */
class HostsRssBadgeTest {
    @TempDir
    Path dir;
    private final SandboxInstance sandbox = SandboxInstance.demo();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private Journal journal;
    private HostsViewModel model;

    @BeforeEach
    void setUp() {
        journal = new SqliteJournal(Database.open(dir.resolve("nettune.db")));
        model = new HostsViewModel(() -> List.of(new HostsViewModel.HostEntry("sandbox", "built-in", "")),
                (name, nic) -> new HostStateReader().read(sandbox, nic, Duration.ofSeconds(5)), executor, uiQueue::add);
        RssInEffect effect = new RssInEffect(journal);
        model.onRssWarnings((name, nics) -> {
            Map<String, RssInEffect.Warning> out = new LinkedHashMap<>();
            for (String n : nics) {
                effect.check(sandbox, n).ifPresent(w -> out.put(n, w));
            }
            return out;
        });
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private void runUi() throws InterruptedException {
        Runnable r = uiQueue.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("a result posted to the UI thread").isNotNull();
        r.run();
    }

    private void read() throws InterruptedException {
        model.reloadHosts();   // listed off the UI thread, then posted to it
        runUi();
        model.select(model.hosts().get(0));
        runUi();
    }

    private void pushedInBoot(String bootId) {
        journal.rssPushed(new RssPush("p1", "sandbox", "eth1", Instant.now(), bootId, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void aRebootSinceNetTunesLastPushShowsTheNotPersistentBadgeOnHostAndNic() throws Exception {
        pushedInBoot("an-earlier-boot");

        read();

        assertThat(model.selectedNicProperty().get()).isEqualTo("eth1");
        assertThat(model.rssBadgeProperty().get()).isEqualTo("RSS not persistent: rebooted since the last push");
        assertThat(model.rssWarningProperty().get()).contains("boot_id an-earlier-boot").contains("--force");
        assertThat(model.hostRssBadgeProperty().get()).startsWith("RSS state stale on eth1");
    }

    @Test
    void aPushInThisBootShowsNoBadge() throws Exception {
        pushedInBoot(sandbox.bootId());

        read();

        assertThat(model.rssBadgeProperty().get()).isEmpty();
        assertThat(model.hostRssBadgeProperty().get()).isEmpty();
    }

    @Test
    void aNicWithoutAWarningShowsNoBadgeWhileAnotherHasOne() throws Exception {
        pushedInBoot("an-earlier-boot");
        read();

        model.selectedNicProperty().set("eth0");

        assertThat(model.rssBadgeProperty().get()).isEmpty();
        assertThat(model.hostRssBadgeProperty().get()).contains("eth1");
    }

    @Test
    void aStaleHostIsMarkedForTheHostListWithItsNics() throws Exception {
        pushedInBoot("an-earlier-boot");

        read();

        assertThat(model.staleRssNics()).containsEntry("sandbox", List.of("eth1"));
    }

    @Test
    void aPushInThisBootTakesTheHostListMarkAwayOnTheNextRead() throws Exception {
        pushedInBoot("an-earlier-boot");
        read();

        journal.rssPushed(new RssPush("p2", "sandbox", "eth1", Instant.now().plusSeconds(1), sandbox.bootId(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        model.refresh();
        runUi();

        assertThat(model.staleRssNics()).doesNotContainKey("sandbox");
    }
}
