package dev.nettune.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.TransportChoice;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bastion an instance was reached through, in a real SQLite file: kept with the run and read back, and a
 * database from before bastions (no column) opens, gains the column, and reads its old runs as reached directly.
 */
class SqliteFleetJournalBastionTest {
    @TempDir
    Path dir;

    private static FleetInstance throughBastion() {
        return new FleetInstance(0, FleetTarget.instance("i-j6c0sandboxfleet0001"), TransportChoice.ssh("ecs-user@10.0.1.101",
                Optional.of("ecs-user"), Optional.of("/keys/fleet"), Optional.of("/keys/known_hosts"), Optional.of("jump,ops@10.0.0.9:2222")));
    }

    @Test
    void theBastionOfAnInstanceIsKeptWithTheRunAndReadBack() {
        SqliteFleetJournal journal = new SqliteFleetJournal(Database.open(dir.resolve("nettune.db")));

        journal.runStarted("fleet-1", "apply", "p", Optional.empty(), new RolloutPolicy(1, 1, 0), List.of(throughBastion()), 1);

        TransportChoice read = journal.run("fleet-1").orElseThrow().instances().get(0).instance().reach();
        assertThat(read).isEqualTo(throughBastion().reach());
        assertThat(read.bastion()).contains("jump,ops@10.0.0.9:2222");
    }

    @Test
    void aDatabaseFromBeforeBastionsGainsTheColumnAndReadsItsRunsAsReachedDirectly() throws Exception {
        Database db = Database.open(dir.resolve("nettune.db"));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // The schema as NetTune wrote it before bastions, with one run.
            s.execute("CREATE TABLE fleet_run (id TEXT PRIMARY KEY, kind TEXT NOT NULL, profile TEXT NOT NULL, undoes TEXT,"
                    + " canary INTEGER NOT NULL, parallel INTEGER NOT NULL, max_failures INTEGER NOT NULL, started TEXT NOT NULL,"
                    + " finished TEXT, status TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')");
            s.execute("CREATE TABLE fleet_instance (run_id TEXT NOT NULL REFERENCES fleet_run(id), position INTEGER NOT NULL,"
                    + " target_kind TEXT NOT NULL, target TEXT NOT NULL, transport TEXT NOT NULL, address TEXT NOT NULL, login_user TEXT,"
                    + " key_file TEXT, known_hosts TEXT, region TEXT, endpoint TEXT, account TEXT, canary INTEGER NOT NULL,"
                    + " plan_id TEXT, status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', PRIMARY KEY (run_id, position))");
            s.execute("INSERT INTO fleet_run VALUES ('fleet-old', 'apply', 'p', NULL, 1, 1, 0, '2026-11-01T00:00:00Z',"
                    + " '2026-11-01T00:01:00Z', 'SUCCEEDED', '')");
            s.execute("INSERT INTO fleet_instance VALUES ('fleet-old', 0, 'INSTANCE', 'i-j6c0sandboxfleet0001', 'SSH',"
                    + " 'root@10.0.1.101', 'root', NULL, NULL, NULL, NULL, NULL, 1, 'plan-1', 'APPLIED', '')");
        }

        SqliteFleetJournal journal = new SqliteFleetJournal(db);
        journal.runStarted("fleet-new", "apply", "p", Optional.empty(), new RolloutPolicy(1, 1, 0), List.of(throughBastion()), 1);

        assertThat(journal.run("fleet-old").orElseThrow().instances().get(0).instance().reach().bastion()).isEmpty();
        assertThat(journal.run("fleet-new").orElseThrow().instances().get(0).instance().reach().bastion())
                .contains("jump,ops@10.0.0.9:2222");
        // Opening it again (another NetTune process) finds the column there and leaves it.
        assertThat(new SqliteFleetJournal(db).runs()).hasSize(2);
    }
}
