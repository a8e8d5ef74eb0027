package dev.nettune.store;

import dev.nettune.Phrase;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetInstanceResult;
import dev.nettune.fleet.FleetJournal;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.InstanceStatus;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.RunStatus;
import dev.nettune.fleet.Transport;
import dev.nettune.fleet.TransportChoice;
import dev.nettune.tuning.ChangeCodec;
import dev.nettune.tuning.Profile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fleet runs in the NetTune database, beside the tuning journal: one row per run, one per instance with
 * how it was reached (transport, address, user, key FILE, known_hosts FILE, bastion chain, region, endpoint,
 * account name: never a secret) and the id of the tuning plan whose journal entries hold its changes. Beside the
 * run, the process running it (pid and start time) and the profile it applies: a RUNNING run whose process
 * is gone, or that its process left, is read as UNFINISHED.
 */
public final class SqliteFleetJournal implements FleetJournal {
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS fleet_run (
              id TEXT PRIMARY KEY, kind TEXT NOT NULL, profile TEXT NOT NULL, undoes TEXT,
              canary INTEGER NOT NULL, parallel INTEGER NOT NULL, max_failures INTEGER NOT NULL,
              started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '');
            CREATE TABLE IF NOT EXISTS fleet_instance (
              run_id TEXT NOT NULL REFERENCES fleet_run(id), position INTEGER NOT NULL, target_kind TEXT NOT NULL,
              target TEXT NOT NULL, transport TEXT NOT NULL, address TEXT NOT NULL, login_user TEXT, key_file TEXT,
              known_hosts TEXT, region TEXT, endpoint TEXT, account TEXT, canary INTEGER NOT NULL,
              plan_id TEXT, status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', bastion TEXT,
              PRIMARY KEY (run_id, position));
            CREATE TABLE IF NOT EXISTS fleet_run_owner (
              run_id TEXT PRIMARY KEY REFERENCES fleet_run(id), pid INTEGER, process_started TEXT, profile_json TEXT)
            """;

    private static final ProcessHandle ME = ProcessHandle.current();

    private final Database db;

    public SqliteFleetJournal(Database db) {
        this.db = db;
        db.ensureSchema(SCHEMA);
        addBastionColumn(db);
        addColumn(db, "fleet_instance", "reason_phrase");
        addColumn(db, "fleet_run", "detail_phrase");
    }

    /**
     * A database from before reasons (and run details) kept their phrases gains the (empty) column: its reasons and
     * details read in English as before.
     */
    private static void addColumn(Database db, String table, String column) {
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            boolean has = false;
            try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
                while (rs.next()) {
                    has |= column.equalsIgnoreCase(rs.getString("name"));
                }
            }
            if (!has) {
                try {
                    s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " TEXT");
                } catch (SQLException e) {
                    if (e.getMessage() == null || !e.getMessage().contains("duplicate column")) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.fleet.cannotAddColumn", "Cannot add the {0} column to the fleet journal: {1}", column,
                    e.getMessage()), e);
        }
    }

    /**
     * A database from before instances could be reached through a bastion gains the (empty) column: its runs
     * read as they did, reached directly. Two processes may both find it missing; the loser's duplicate is harmless.
     */
    private static void addBastionColumn(Database db) {
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            boolean has = false;
            try (ResultSet rs = s.executeQuery("PRAGMA table_info(fleet_instance)")) {
                while (rs.next()) {
                    has |= "bastion".equalsIgnoreCase(rs.getString("name"));
                }
            }
            if (!has) {
                try {
                    s.execute("ALTER TABLE fleet_instance ADD COLUMN bastion TEXT");
                } catch (SQLException e) {
                    if (e.getMessage() == null || !e.getMessage().contains("duplicate column")) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.fleet.cannotAddBastion", "Cannot add the bastion column to the fleet journal: {0}", e.getMessage()), e);
        }
    }

    @Override
    public void runStarted(String runId, String kind, String profile, Optional<String> undoes, RolloutPolicy policy,
                           List<FleetInstance> instances, int canaries) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO fleet_run(id, kind, profile, undoes, canary, parallel,"
                    + " max_failures, started, status) VALUES (?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, runId);
                p.setString(2, kind);
                p.setString(3, profile);
                p.setString(4, undoes.orElse(null));
                p.setInt(5, policy.canary());
                p.setInt(6, policy.parallel());
                p.setInt(7, policy.maxFailures());
                p.setString(8, Instant.now().toString());
                p.setString(9, RunStatus.RUNNING.name());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO fleet_instance(run_id, position, target_kind, target,"
                    + " transport, address, login_user, key_file, known_hosts, region, endpoint, account, canary, status, bastion)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (FleetInstance i : instances) {
                    TransportChoice r = i.reach();
                    p.setString(1, runId);
                    p.setInt(2, i.position());
                    p.setString(3, i.target().kind().name());
                    p.setString(4, i.target().name());
                    p.setString(5, r.transport().name());
                    p.setString(6, r.address());
                    p.setString(7, r.user().orElse(null));
                    p.setString(8, r.keyFile().orElse(null));
                    p.setString(9, r.knownHosts().orElse(null));
                    p.setString(10, r.region().orElse(null));
                    p.setString(11, r.endpoint().orElse(null));
                    p.setString(12, r.account().orElse(null));
                    p.setInt(13, i.position() < canaries ? 1 : 0);
                    p.setString(14, InstanceStatus.PENDING.name());
                    p.setString(15, r.bastion().orElse(null));
                    p.addBatch();
                }
                p.executeBatch();
            }
            claim(c, runId);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.fleet.cannotJournalRun", "Cannot journal fleet run {0}: {1}", runId, e.getMessage()), e);
        }
    }

    @Override
    public void profileKept(String runId, Profile profile) {
        update("UPDATE fleet_run_owner SET profile_json = ? WHERE run_id = ?", ChangeCodec.json().toJson(profile), runId);
    }

    @Override
    public Optional<Profile> keptProfile(String runId) {
        try (Connection c = db.connect();
             PreparedStatement p = c.prepareStatement("SELECT profile_json FROM fleet_run_owner WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(ChangeCodec.json().profileFromJson(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.fleet.cannotRead", "Cannot read the fleet journal: {0}", e.getMessage()), e);
        }
    }

    @Override
    public void instanceStarted(String runId, int position) {
        update("UPDATE fleet_instance SET status = ?, reason = '', reason_phrase = NULL WHERE run_id = ? AND position = ?",
                InstanceStatus.IN_FLIGHT.name(), runId, position);
    }

    @Override
    public void instancePlanned(String runId, int position, String planId) {
        update("UPDATE fleet_instance SET plan_id = ? WHERE run_id = ? AND position = ?", planId, runId, position);
    }

    @Override
    public void instanceFinished(String runId, int position, InstanceStatus status, dev.nettune.Phrase reason) {
        // The English stays in reason, readable with sqlite3 and by older NetTune; the phrase beside it says it in Chinese.
        update("UPDATE fleet_instance SET status = ?, reason = ?, reason_phrase = ? WHERE run_id = ? AND position = ?", status.name(),
                reason.toString(), phraseJson(reason), runId, position);
    }

    private static String phraseJson(dev.nettune.Phrase reason) {
        return PhraseJson.write(reason);
    }

    // Journaled before reasons kept their phrases: the English as it is.
    private static dev.nettune.Phrase reason(String english, String json) {
        return PhraseJson.read(json, english == null ? "" : english);
    }

    @Override
    public void runFinished(String runId, RunStatus status, Phrase detail) {
        // As with reasons: the English in detail, the phrase beside it.
        update("UPDATE fleet_run SET status = ?, detail = ?, detail_phrase = ?, finished = ? WHERE id = ?", status.name(),
                detail.toString(), PhraseJson.write(detail), Instant.now().toString(), runId);
    }

    @Override
    public void runLeft(String runId) {
        update("UPDATE fleet_run_owner SET pid = NULL, process_started = NULL WHERE run_id = ?", runId);
    }

    @Override
    public void runResumed(String runId, Phrase detail) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("UPDATE fleet_run SET status = ?, detail = ?, detail_phrase = ?, finished = NULL"
                    + " WHERE id = ?")) {
                p.setString(1, RunStatus.RUNNING.name());
                p.setString(2, detail.toString());
                p.setString(3, PhraseJson.write(detail));
                p.setString(4, runId);
                p.executeUpdate();
            }
            claim(c, runId);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.fleet.cannotJournalResume", "Cannot journal the resume of fleet run {0}: {1}", runId, e.getMessage()), e);
        }
    }

    /** Makes this process the run's owner (a new run, or one it resumes), inside the caller's transaction. */
    private static void claim(Connection c, String runId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO fleet_run_owner(run_id, pid, process_started) VALUES (?,?,?)"
                + " ON CONFLICT(run_id) DO UPDATE SET pid = excluded.pid, process_started = excluded.process_started")) {
            p.setString(1, runId);
            p.setLong(2, ME.pid());
            p.setString(3, started(ME).orElse(null));
            p.executeUpdate();
        }
    }

    /** Whether the process that owns a RUNNING run still runs it: this one, or another one alive since it took it. */
    private static boolean ownerAlive(Long pid, String processStarted) {
        if (pid == null) {
            return false;
        }
        if (pid == ME.pid()) {
            return true;
        }
        Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        // A pid can be reused by a later process: the start time tells them apart where the OS reports it.
        return h.isPresent() && (processStarted == null || started(h.get()).map(processStarted::equals).orElse(true));
    }

    private static Optional<String> started(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toString);
    }

    private void update(String sql, Object... args) {
        db.update(Phrase.of("store.fleet.update", "update the fleet journal"), sql, args);
    }

    @Override
    public Optional<FleetRun> run(String runId) {
        List<FleetRun> r = query("WHERE fleet_run.id = ?", runId);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    @Override
    public List<FleetRun> runs() {
        return query("ORDER BY fleet_run.started DESC, fleet_run.id DESC");
    }

    private List<FleetRun> query(String where, Object... args) {
        try (Connection c = db.connect()) {
            List<FleetRun> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, kind, profile, undoes, canary, parallel, max_failures,"
                    + " started, finished, status, detail, o.pid, o.process_started, o.run_id, detail_phrase FROM fleet_run"
                    + " LEFT JOIN fleet_run_owner o ON o.run_id = fleet_run.id " + where)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        RunStatus status = RunStatus.valueOf(rs.getString(10));
                        long pid = rs.getLong(12);
                        Long owner = rs.wasNull() ? null : pid;
                        // A run journaled before owners were kept (no owner row) was left by an older NetTune.
                        if (status == RunStatus.RUNNING && (rs.getString(14) == null || !ownerAlive(owner, rs.getString(13)))) {
                            status = RunStatus.UNFINISHED;
                        }
                        out.add(new FleetRun(id, rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getString(4)),
                                new RolloutPolicy(rs.getInt(5), rs.getInt(6), rs.getInt(7)), Instant.parse(rs.getString(8)),
                                Optional.ofNullable(rs.getString(9)).map(Instant::parse), status,
                                reason(rs.getString(11), rs.getString(15)), instances(c, id)));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.fleet.cannotRead", "Cannot read the fleet journal: {0}", e.getMessage()), e);
        }
    }

    private static List<FleetInstanceResult> instances(Connection c, String runId) throws SQLException {
        List<FleetInstanceResult> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT position, target_kind, target, transport, address, login_user,"
                + " key_file, known_hosts, region, endpoint, account, canary, plan_id, status, reason, bastion, reason_phrase FROM fleet_instance"
                + " WHERE run_id = ? ORDER BY position")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    TransportChoice reach = new TransportChoice(Transport.valueOf(rs.getString(4)), rs.getString(5),
                            opt(rs, 6), opt(rs, 7), opt(rs, 8), opt(rs, 9), opt(rs, 10), opt(rs, 11), opt(rs, 16));
                    FleetInstance inst = new FleetInstance(rs.getInt(1),
                            new FleetTarget(FleetTarget.Kind.valueOf(rs.getString(2)), rs.getString(3)), reach);
                    out.add(new FleetInstanceResult(inst, InstanceStatus.valueOf(rs.getString(14)), reason(rs.getString(15), rs.getString(17)),
                            opt(rs, 13), rs.getInt(12) == 1));
                }
            }
        }
        return out;
    }

    private static Optional<String> opt(ResultSet rs, int col) throws SQLException {
        return Optional.ofNullable(rs.getString(col));
    }
}
