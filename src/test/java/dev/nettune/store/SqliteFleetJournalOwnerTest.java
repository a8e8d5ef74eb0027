package dev.nettune.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.RunStatus;
import dev.nettune.fleet.TransportChoice;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who runs a fleet run, in a real SQLite file: a RUNNING run whose process is gone reads UNFINISHED (a real
 * process that ended), one whose process still runs reads RUNNING (a real process that is alive), and a run
 * this process left reads UNFINISHED; none of them ever reads as finished.
 */
class SqliteFleetJournalOwnerTest {
    @TempDir
    Path dir;
    Database db;
    SqliteFleetJournal journal;
    Process alive;

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("nettune.db"));
        journal = new SqliteFleetJournal(db);
        journal.runStarted("fleet-1", "apply", "p", Optional.empty(), new RolloutPolicy(1, 2, 0),
                List.of(new FleetInstance(0, FleetTarget.host("web-0"), TransportChoice.builtIn("web-0"))), 1);
    }

    @AfterEach
    void tearDown() {
        if (alive != null) {
            alive.destroyForcibly();
        }
    }

    /** Makes {@code process} the owner of the run, as if it had started it. */
    private void ownedBy(ProcessHandle process) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement p = c.prepareStatement("UPDATE fleet_run_owner SET pid = ?, process_started = ? WHERE run_id = ?")) {
            p.setLong(1, process.pid());
            p.setString(2, process.info().startInstant().map(Object::toString).orElse(null));
            p.setString(3, "fleet-1");
            p.executeUpdate();
        }
    }

    @Test
    void aRunOfThisLiveProcessReadsRunning() {
        assertThat(journal.run("fleet-1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aRunWhoseProcessHasEndedReadsUnfinishedNotFinished() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        ProcessHandle handle = gone.toHandle();
        ownedBy(handle);
        gone.waitFor();

        var run = journal.run("fleet-1").orElseThrow();

        assertThat(run.status()).isEqualTo(RunStatus.UNFINISHED);
        assertThat(run.finished()).isEmpty();
        assertThat(journal.runs()).extracting(r -> r.status()).containsExactly(RunStatus.UNFINISHED);
    }

    @Test
    void aRunWhoseProcessStillRunsReadsRunning() throws Exception {
        alive = new ProcessBuilder("sleep", "600").start();
        ownedBy(alive.toHandle());

        assertThat(journal.run("fleet-1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aRunThisProcessLeftReadsUnfinishedAndAResumeMakesItRunningAgain() {
        journal.runLeft("fleet-1");
        assertThat(journal.run("fleet-1").orElseThrow().status()).isEqualTo(RunStatus.UNFINISHED);

        journal.runResumed("fleet-1", "Resumed.");

        assertThat(journal.run("fleet-1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(journal.run("fleet-1").orElseThrow().detail()).isEqualTo("Resumed.");
    }
}
