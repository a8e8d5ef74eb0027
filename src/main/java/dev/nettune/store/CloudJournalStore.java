package dev.nettune.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nettune.Phrase;
import dev.nettune.cloud.CloudCall;
import dev.nettune.cloud.CloudJournal;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.StepState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cloud journal in the SQLite file: one row per plan, one per step with its call (JSON), its
 * state, its output (what undo needs) and its error. Calls hold ids and settings, never a secret.
 */
public final class CloudJournalStore implements CloudJournal {
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS cloud_plan (
              plan_id TEXT PRIMARY KEY,
              title TEXT NOT NULL,
              notes TEXT NOT NULL,
              created_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS cloud_journal (
              plan_id TEXT NOT NULL REFERENCES cloud_plan(plan_id) ON DELETE CASCADE,
              step_index INTEGER NOT NULL,
              call_json TEXT NOT NULL,
              state TEXT NOT NULL,
              output TEXT NOT NULL DEFAULT '',
              error TEXT NOT NULL DEFAULT '',
              updated_at TEXT NOT NULL,
              PRIMARY KEY (plan_id, step_index)
            )
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    public CloudJournalStore(Database db) {
        this.db = db;
        db.ensureSchema(SCHEMA);
        addTitlePhraseColumn();
    }

    /**
     * A journal from before plan titles were kept as phrases gains the (empty) column: its plans read their English
     * title as before. Two processes may both find it missing; the loser's duplicate is harmless.
     */
    private void addTitlePhraseColumn() {
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            boolean has = false;
            try (ResultSet rs = s.executeQuery("PRAGMA table_info(cloud_plan)")) {
                while (rs.next()) {
                    has |= "title_phrase".equalsIgnoreCase(rs.getString("name"));
                }
            }
            if (!has) {
                try {
                    s.execute("ALTER TABLE cloud_plan ADD COLUMN title_phrase TEXT");
                } catch (SQLException e) {
                    if (e.getMessage() == null || !e.getMessage().contains("duplicate column")) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.journal.cannotAddColumn", "Cannot add the column {0} to the journal: {1}", "title_phrase",
                    e.getMessage()), e);
        }
    }

    @Override
    public void recordPlan(CloudPlan plan) {
        String now = Instant.now().toString();
        List<CloudCall> calls = plan.calls();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO cloud_plan(plan_id, title, notes, created_at, title_phrase)"
                    + " VALUES (?,?,?,?,?)");
                    PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO cloud_journal(plan_id, step_index, call_json, state, output, error, updated_at)"
                            + " VALUES (?,?,?,?,'','',?)")) {
                p.setString(1, plan.id());
                p.setString(2, plan.title());
                ArrayNode notes = JSON.createArrayNode();
                // A note keeps its key and arguments, so a plan resumed or undone from the journal says it in the language in use.
                plan.notePhrases().forEach(n -> notes.add(PhraseJson.node(n)));
                p.setString(3, JSON.writeValueAsString(notes));
                p.setString(4, now);
                // The title keeps its key and arguments too (the Journal screen and a resumed run say it in the language in use).
                p.setString(5, PhraseJson.write(plan.titlePhrase()));
                p.executeUpdate();
                for (int i = 0; i < calls.size(); i++) {
                    s.setString(1, plan.id());
                    s.setInt(2, i);
                    s.setString(3, encode(calls.get(i)));
                    s.setString(4, StepState.PENDING.name());
                    s.setString(5, now);
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException(Phrase.of("store.cloud.cannotJournalPlan", "Cannot journal plan {0}: {1}", plan.id(), e.getMessage()), e);
        }
    }

    @Override
    public void recordStep(String planId, int index, StepState state, String output, String error) {
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement("UPDATE cloud_journal SET state=?, output=?, error=?, updated_at=? WHERE plan_id=? AND step_index=?")) {
            s.setString(1, state.name());
            s.setString(2, output == null ? "" : output);
            s.setString(3, error == null ? "" : error);
            s.setString(4, Instant.now().toString());
            s.setString(5, planId);
            s.setInt(6, index);
            if (s.executeUpdate() != 1) {
                throw new StoreException(Phrase.of("store.cloud.noStep", "Plan {0} has no step {1} in the journal.", planId, (index + 1)), null);
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.cloud.cannotJournalStep", "Cannot journal step {0} of plan {1}: {2}", (index + 1), planId, e.getMessage()), e);
        }
    }

    @Override
    public Optional<JournaledPlan> load(String planId) {
        try (Connection c = db.connect();
                PreparedStatement p = c.prepareStatement("SELECT title, notes, created_at, title_phrase FROM cloud_plan WHERE plan_id=?")) {
            p.setString(1, planId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new JournaledPlan(planId, PhraseJson.read(rs.getString(4), rs.getString(1)), notes(rs.getString(2)), Instant.parse(rs.getString(3)), steps(c, planId)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException(Phrase.of("store.cloud.cannotReadPlan", "Cannot read plan {0} from the journal: {1}", planId, e.getMessage()), e);
        }
    }

    @Override
    public List<JournaledPlan> recent(int limit) {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement p = c.prepareStatement("SELECT plan_id FROM cloud_plan ORDER BY created_at DESC, rowid DESC LIMIT ?")) {
            p.setInt(1, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.cloud.cannotList", "Cannot list plans in the journal: {0}", e.getMessage()), e);
        }
        return ids.stream().map(this::load).flatMap(Optional::stream).toList();
    }

    private static List<JournaledStep> steps(Connection c, String planId) throws SQLException, JsonProcessingException {
        List<JournaledStep> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT step_index, call_json, state, output, error, updated_at FROM cloud_journal WHERE plan_id=? ORDER BY step_index")) {
            s.setString(1, planId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new JournaledStep(rs.getInt(1), decode(rs.getString(2)), StepState.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), Instant.parse(rs.getString(6))));
                }
            }
        }
        return out;
    }

    private static List<Phrase> notes(String json) throws JsonProcessingException {
        List<Phrase> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json)) {
            // Journals written before notes kept their phrases hold the English: read as a literal.
            out.add(PhraseJson.phrase(n));
        }
        return out;
    }


    static String encode(CloudCall call) throws JsonProcessingException {
        ObjectNode o = JSON.createObjectNode();
        o.put("product", call.product());
        o.put("action", call.action());
        ArrayNode params = o.putArray("params");
        for (CloudCall.Param p : call.params()) {
            ObjectNode n = params.addObject();
            n.put("name", p.name());
            n.put("value", p.value());
            if (p.variable()) {
                n.put("variable", true);
            }
            if (p.raw()) {
                n.put("raw", true);
            }
            if (p.meta()) {
                n.put("meta", true);
            }
        }
        return JSON.writeValueAsString(o);
    }

    static CloudCall decode(String json) throws JsonProcessingException {
        JsonNode o = JSON.readTree(json);
        List<CloudCall.Param> params = new ArrayList<>();
        for (JsonNode n : o.get("params")) {
            params.add(new CloudCall.Param(n.get("name").asText(), n.get("value").asText(), n.path("variable").asBoolean(false),
                    n.path("raw").asBoolean(false), n.path("meta").asBoolean(false)));
        }
        return new CloudCall(o.get("product").asText(), o.get("action").asText(), params);
    }
}
