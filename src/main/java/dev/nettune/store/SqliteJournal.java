package dev.nettune.store;

import dev.nettune.Phrase;
import dev.nettune.tuning.ChangeCodec;
import dev.nettune.tuning.HostLock;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.RssPush;
import dev.nettune.tuning.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tuning journal in the NetTune database: one row per plan, per planned step, per change made. */
public final class SqliteJournal implements Journal {
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS tuning_plan (
              id TEXT PRIMARY KEY, host TEXT NOT NULL, profile TEXT NOT NULL, kind TEXT NOT NULL,
              undoes TEXT, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '');
            CREATE TABLE IF NOT EXISTS tuning_plan_step (
              plan_id TEXT NOT NULL REFERENCES tuning_plan(id), seq INTEGER NOT NULL, change_json TEXT NOT NULL,
              title TEXT NOT NULL, before_value TEXT NOT NULL, after_value TEXT NOT NULL, commit_confirmed INTEGER NOT NULL,
              PRIMARY KEY (plan_id, seq));
            CREATE TABLE IF NOT EXISTS tuning_journal (
              id INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL REFERENCES tuning_plan(id), seq INTEGER NOT NULL,
              phase TEXT NOT NULL, host TEXT NOT NULL, time TEXT NOT NULL, target TEXT NOT NULL, title TEXT NOT NULL,
              change_json TEXT NOT NULL, before_value TEXT NOT NULL, after_value TEXT NOT NULL, read_back TEXT,
              commands TEXT NOT NULL, outcome TEXT NOT NULL, message TEXT NOT NULL DEFAULT '');
            CREATE INDEX IF NOT EXISTS tuning_journal_host ON tuning_journal(host, id);
            CREATE TABLE IF NOT EXISTS tuning_rss_push (
              id INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL, host TEXT NOT NULL, nic TEXT NOT NULL,
              time TEXT NOT NULL, boot_id TEXT NOT NULL, key_before TEXT, key_after TEXT, table_before TEXT, table_after TEXT);
            CREATE INDEX IF NOT EXISTS tuning_rss_push_nic ON tuning_rss_push(host, nic, id);
            CREATE TABLE IF NOT EXISTS tuning_host_lock (
              host TEXT PRIMARY KEY, owner TEXT NOT NULL, pid INTEGER NOT NULL, plan_id TEXT NOT NULL, resumes TEXT,
              since TEXT NOT NULL)
            """;

    private final Database db;

    public SqliteJournal(Database db) {
        this.db = db;
        db.ensureSchema(SCHEMA);
        addPhraseColumn("tuning_plan", "detail_phrase");
        addPhraseColumn("tuning_journal", "message_phrase");
    }

    /**
     * A journal from before messages were kept as phrases gains the (empty) column: its rows read their English as
     * before. Two processes may both find it missing; the loser's duplicate is harmless.
     */
    private void addPhraseColumn(String table, String column) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
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
            throw new StoreException(Phrase.of("store.journal.cannotAddColumn", "Cannot add the column {0} to the journal: {1}", column, e.getMessage()), e);
        }
    }

    @Override
    public void planStarted(Plan plan, String kind, Optional<String> undoes) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO tuning_plan(id, host, profile, kind, undoes, started,"
                    + " status) VALUES (?,?,?,?,?,?,?)")) {
                p.setString(1, plan.id());
                p.setString(2, plan.host());
                p.setString(3, plan.profile());
                p.setString(4, kind);
                p.setString(5, undoes.orElse(null));
                p.setString(6, Instant.now().toString());
                p.setString(7, PlanStatus.RUNNING.name());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO tuning_plan_step VALUES (?,?,?,?,?,?,?)")) {
                for (Step s : plan.steps()) {
                    p.setString(1, plan.id());
                    p.setInt(2, s.seq());
                    p.setString(3, ChangeCodec.json().toJson(s.change()));
                    p.setString(4, s.change().title());
                    p.setString(5, s.before());
                    p.setString(6, s.after());
                    p.setInt(7, s.commitConfirmed() ? 1 : 0);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.journal.cannotJournalPlan", "Cannot journal plan {0}: {1}", plan.id(), e.getMessage()), e);
        }
    }

    @Override
    public long stepStarted(String planId, int seq, Phase phase, String host, dev.nettune.tuning.Change change,
                            String before, String after, String commands) {
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement("INSERT INTO tuning_journal(plan_id,"
                + " seq, phase, host, time, target, title, change_json, before_value, after_value, commands, outcome)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, planId);
            p.setInt(2, seq);
            p.setString(3, phase.name());
            p.setString(4, host);
            p.setString(5, Instant.now().toString());
            p.setString(6, change.target());
            p.setString(7, change.title());
            p.setString(8, ChangeCodec.json().toJson(change));
            p.setString(9, before);
            p.setString(10, after);
            p.setString(11, commands);
            p.setString(12, Outcome.PENDING.name());
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.journal.cannotJournalStep", "Cannot journal the step before it runs: {0}", e.getMessage()), e);
        }
    }

    @Override
    public void stepFinished(long entryId, Outcome outcome, Optional<String> readBack, dev.nettune.Phrase message) {
        // The English for --json and older readers; the phrase to say it in the user's language.
        update("UPDATE tuning_journal SET outcome = ?, read_back = ?, message = ?, message_phrase = ? WHERE id = ?",
                outcome.name(), readBack.orElse(null), message.toString(), PhraseJson.write(message), entryId);
    }

    @Override
    public void planFinished(String planId, PlanStatus status, dev.nettune.Phrase detail) {
        update("UPDATE tuning_plan SET status = ?, detail = ?, detail_phrase = ?, finished = ? WHERE id = ?",
                status.name(), detail.toString(), PhraseJson.write(detail), status == PlanStatus.RUNNING
                        || status == PlanStatus.REVERTING_ON_HOST ? null : Instant.now().toString(), planId);
    }

    private void update(String sql, Object... args) {
        db.update(Phrase.of("store.journal.write", "write the journal"), sql, args);
    }

    @Override
    public Optional<PlanRecord> plan(String planId) {
        List<PlanRecord> l = queryPlans("SELECT * FROM tuning_plan WHERE id = ?", planId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<PlanRecord> plans(Optional<String> host) {
        return host.isPresent()
                ? queryPlans("SELECT * FROM tuning_plan WHERE host = ? ORDER BY started DESC, id DESC", host.get())
                : queryPlans("SELECT * FROM tuning_plan ORDER BY started DESC, id DESC");
    }

    private List<PlanRecord> queryPlans(String sql, String... args) {
        List<PlanRecord> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new PlanRecord(r.getString("id"), r.getString("host"), r.getString("profile"),
                            r.getString("kind"), Optional.ofNullable(r.getString("undoes")),
                            Instant.parse(r.getString("started")),
                            Optional.ofNullable(r.getString("finished")).map(Instant::parse),
                            PlanStatus.valueOf(r.getString("status")),
                            PhraseJson.read(r.getString("detail_phrase"), r.getString("detail"))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.journal.cannotRead", "Cannot read the journal: {0}", e.getMessage()), e);
        }
        return out;
    }

    @Override
    public List<PlannedStep> plannedSteps(String planId) {
        List<PlannedStep> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
                "SELECT * FROM tuning_plan_step WHERE plan_id = ? ORDER BY seq")) {
            p.setString(1, planId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new PlannedStep(planId, r.getInt("seq"), r.getString("change_json"), r.getString("title"),
                            r.getString("before_value"), r.getString("after_value"), r.getInt("commit_confirmed") != 0));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.journal.cannotRead", "Cannot read the journal: {0}", e.getMessage()), e);
        }
        return out;
    }

    @Override
    public List<Entry> entries(Optional<String> planId, Optional<String> host) {
        StringBuilder sql = new StringBuilder("SELECT * FROM tuning_journal WHERE 1=1");
        List<String> args = new ArrayList<>();
        planId.ifPresent(v -> {
            sql.append(" AND plan_id = ?");
            args.add(v);
        });
        host.ifPresent(v -> {
            sql.append(" AND host = ?");
            args.add(v);
        });
        sql.append(" ORDER BY id");
        return queryEntries(sql.toString(), args.toArray(new Object[0]));
    }

    @Override
    public Optional<Entry> entry(long id) {
        List<Entry> l = queryEntries("SELECT * FROM tuning_journal WHERE id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public Optional<HostLock.Holder> lockHost(String host, HostLock.Holder me, Duration staleAfter) {
        try (Connection c = db.connect(); Statement tx = c.createStatement()) {
            // An immediate write lock: two NetTune processes cannot both read "free" and both insert.
            tx.execute("BEGIN IMMEDIATE");
            try (PreparedStatement q = c.prepareStatement("SELECT * FROM tuning_host_lock WHERE host = ?")) {
                q.setString(1, host);
                try (ResultSet r = q.executeQuery()) {
                    if (r.next()) {
                        HostLock.Holder held = new HostLock.Holder(r.getString("owner"), r.getLong("pid"),
                                r.getString("plan_id"), Optional.ofNullable(r.getString("resumes")),
                                Instant.parse(r.getString("since")));
                        boolean alive = ProcessHandle.of(held.pid()).map(ProcessHandle::isAlive).orElse(false);
                        boolean stale = !alive || held.since().plus(staleAfter).isBefore(Instant.now());
                        if (!stale && !held.leftFor(me.resumes())) {
                            r.close();
                            tx.execute("ROLLBACK");
                            return Optional.of(held);
                        }
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO tuning_host_lock VALUES (?,?,?,?,?,?)")) {
                p.setString(1, host);
                p.setString(2, me.owner());
                p.setLong(3, me.pid());
                p.setString(4, me.plan());
                p.setString(5, me.resumes().orElse(null));
                p.setString(6, me.since().toString());
                p.executeUpdate();
            }
            tx.execute("COMMIT");
            return Optional.empty();
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.journal.cannotTakeLock", "Cannot take the tuning lock of {0} in the journal: {1}", host, e.getMessage()), e);
        }
    }

    @Override
    public void unlockHost(String host, String planId) {
        update("DELETE FROM tuning_host_lock WHERE host = ? AND plan_id = ?", host, planId);
    }

    @Override
    public void rssPushed(RssPush push) {
        update("INSERT INTO tuning_rss_push(plan_id, host, nic, time, boot_id, key_before, key_after, table_before, table_after)"
                + " VALUES (?,?,?,?,?,?,?,?,?)", push.planId(), push.host(), push.nic(), push.time().toString(), push.bootId(),
                push.keyBefore().orElse(null), push.keyAfter().orElse(null), push.tableBefore().orElse(null),
                push.tableAfter().orElse(null));
    }

    @Override
    public List<RssPush> rssPushes(String host, String nic) {
        List<RssPush> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
                "SELECT * FROM tuning_rss_push WHERE host = ? AND nic = ? ORDER BY id")) {
            p.setString(1, host);
            p.setString(2, nic);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new RssPush(r.getString("plan_id"), r.getString("host"), r.getString("nic"),
                            Instant.parse(r.getString("time")), r.getString("boot_id"),
                            Optional.ofNullable(r.getString("key_before")), Optional.ofNullable(r.getString("key_after")),
                            Optional.ofNullable(r.getString("table_before")), Optional.ofNullable(r.getString("table_after"))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.journal.cannotRead", "Cannot read the journal: {0}", e.getMessage()), e);
        }
        return out;
    }

    private List<Entry> queryEntries(String sql, Object... args) {
        List<Entry> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Entry(r.getLong("id"), r.getString("plan_id"), r.getInt("seq"),
                            Phase.valueOf(r.getString("phase")), r.getString("host"), Instant.parse(r.getString("time")),
                            r.getString("target"), r.getString("title"), r.getString("change_json"),
                            r.getString("before_value"), r.getString("after_value"),
                            Optional.ofNullable(r.getString("read_back")), r.getString("commands"),
                            Outcome.valueOf(r.getString("outcome")),
                            PhraseJson.read(r.getString("message_phrase"), r.getString("message"))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.journal.cannotRead", "Cannot read the journal: {0}", e.getMessage()), e);
        }
        return out;
    }
}
