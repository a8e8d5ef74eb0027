package dev.nettune.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.Phrase;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.RunStatus;
import dev.nettune.fleet.TransportChoice;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a fleet run ended, in a real SQLite file: the detail's phrase is kept beside its English, so {@code fleet status}
 * and the Fleet screen say it in Chinese; a database from before (no detail_phrase column) gains the column and reads
 * its old details in English, as written.
 */
class SqliteFleetJournalDetailTest {
    @TempDir
    Path dir;

    private static final List<FleetInstance> ONE = List.of(new FleetInstance(0, FleetTarget.host("sandbox"), TransportChoice.builtIn("sandbox")));

    @Test
    void aRunsDetailIsKeptAsAPhraseBesideItsEnglish() {
        SqliteFleetJournal journal = new SqliteFleetJournal(Database.open(dir.resolve("nettune.db")));
        journal.runStarted("fleet-1", "apply", "p", Optional.empty(), new RolloutPolicy(1, 1, 0), ONE, 1);

        journal.runFinished("fleet-1", RunStatus.FAILED, Phrase.of("fleet.detail.failed", "{0} of {1} instances failed.", 1, 1));

        FleetRun run = journal.run("fleet-1").orElseThrow();
        assertThat(run.detail()).isEqualTo("1 of 1 instances failed.");
        assertThat(run.detailPhrase().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("1 个实例中有 1 个失败。");
    }

    @Test
    void aDatabaseFromBeforeDetailPhrasesReadsItsDetailsInEnglish() throws Exception {
        Database db = Database.open(dir.resolve("nettune.db"));
        new SqliteFleetJournal(db);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // A run as NetTune journaled it before details kept their phrases.
            s.execute("ALTER TABLE fleet_run DROP COLUMN detail_phrase");
            s.execute("INSERT INTO fleet_run(id, kind, profile, canary, parallel, max_failures, started, finished, status, detail)"
                    + " VALUES ('fleet-old', 'apply', 'p', 1, 1, 0, '2026-11-01T00:00:00Z', '2026-11-01T00:01:00Z', 'SUCCEEDED',"
                    + " 'Every instance done and read back.')");
        }

        FleetRun old = new SqliteFleetJournal(db).run("fleet-old").orElseThrow();

        assertThat(old.detail()).isEqualTo("Every instance done and read back.");
        assertThat(old.detailPhrase().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("Every instance done and read back.");
    }
}
