package dev.nettune.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.cloud.CloudJournal;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.PlanRenderingTestAccess;
import dev.nettune.cloud.StepState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudJournalStoreTest {
    @TempDir
    Path dir;

    @Test
    void aJournaledPlanReadsBackAsTheSamePlanInANewStore() {
        CloudPlan plan = PlanRenderingTestAccess.fullWorkflow();
        Database db = Database.open(dir.resolve("nettune.db"));
        new CloudJournalStore(db).recordPlan(plan);
        CloudJournal.JournaledPlan back = new CloudJournalStore(Database.open(dir.resolve("nettune.db"))).load(plan.id()).orElseThrow();
        assertThat(back.toPlan()).isEqualTo(plan);
        assertThat(back.steps()).allMatch(s -> s.state() == StepState.PENDING);
    }

    @Test
    void stepStatesOutputsAndErrorsAreKept() {
        CloudPlan plan = PlanRenderingTestAccess.fullWorkflow();
        CloudJournalStore store = new CloudJournalStore(Database.open(dir.resolve("nettune.db")));
        store.recordPlan(plan);
        store.recordStep(plan.id(), 0, StepState.DONE, "eni-bp17pdijfczax0009", "");
        store.recordStep(plan.id(), 1, StepState.FAILED, "", "Throttling.User: Request was denied (RequestId 1A2B)");
        CloudJournal.JournaledPlan back = store.load(plan.id()).orElseThrow();
        assertThat(back.steps().get(0).output()).isEqualTo("eni-bp17pdijfczax0009");
        assertThat(back.steps().get(1).state()).isEqualTo(StepState.FAILED);
        assertThat(back.steps().get(1).error()).contains("RequestId 1A2B");
        assertThat(store.recent(5)).extracting(CloudJournal.JournaledPlan::planId).containsExactly(plan.id());
    }

    @Test
    void aJournaledPlansNotesAreSaidInChineseWhenResumedOrUndone() {
        CloudPlan plan = PlanRenderingTestAccess.fullWorkflow();
        Database db = Database.open(dir.resolve("nettune.db"));
        new CloudJournalStore(db).recordPlan(plan);

        CloudPlan back = new CloudJournalStore(db).load(plan.id()).orElseThrow().toPlan();

        String zh = back.notePhrases().get(0).in(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).isEqualTo(plan.notePhrases().get(0).in(Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(plan.notes().get(0));
        assertThat(back.notes()).isEqualTo(plan.notes());
    }

    @Test
    void aJournalWrittenBeforeNotesKeptTheirPhrasesReadsItsEnglishNotes() throws Exception {
        CloudPlan plan = PlanRenderingTestAccess.fullWorkflow();
        Database db = Database.open(dir.resolve("nettune.db"));
        new CloudJournalStore(db).recordPlan(plan);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE cloud_plan SET notes='[\"Custom RSS set at create takes effect when the ENI is attached.\"]'");
        }

        CloudJournal.JournaledPlan back = new CloudJournalStore(db).load(plan.id()).orElseThrow();

        assertThat(back.notes()).isEqualTo(List.of("Custom RSS set at create takes effect when the ENI is attached."));
        assertThat(back.toPlan().notePhrases().get(0).in(Locale.SIMPLIFIED_CHINESE)).isEqualTo(back.notes().get(0));
    }

    @Test
    void aPlansTitleIsJournaledAsAPhraseAndSaidInChinese() {
        CloudPlan plan = PlanRenderingTestAccess.fullWorkflow();
        Database db = Database.open(dir.resolve("nettune.db"));
        new CloudJournalStore(db).recordPlan(plan);

        CloudJournal.JournaledPlan back = new CloudJournalStore(db).load(plan.id()).orElseThrow();

        assertThat(back.title()).isEqualTo(plan.title()).startsWith("Secondary ENI for ");
        assertThat(back.titlePhrase().in(Locale.SIMPLIFIED_CHINESE)).endsWith(" 的辅助弹性网卡");
        assertThat(back.toPlan().titlePhrase().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo(back.titlePhrase().in(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aJournalWrittenBeforeTitlesKeptTheirPhrasesOpensAndReadsItsEnglishTitle() throws Exception {
        Database db = Database.open(dir.resolve("nettune.db"));
        db.ensureSchema("""
                CREATE TABLE cloud_plan (plan_id TEXT PRIMARY KEY, title TEXT NOT NULL, notes TEXT NOT NULL, created_at TEXT NOT NULL);
                CREATE TABLE cloud_journal (plan_id TEXT NOT NULL REFERENCES cloud_plan(plan_id) ON DELETE CASCADE, step_index INTEGER NOT NULL,
                  call_json TEXT NOT NULL, state TEXT NOT NULL, output TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',
                  updated_at TEXT NOT NULL, PRIMARY KEY (plan_id, step_index))
                """);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO cloud_plan VALUES ('old-1', 'Attach eni-bp17pdijfczax0001 to i-bp67acfmxazb4p0001', '[]',"
                    + " '2026-01-02T03:04:05Z')");
        }

        CloudJournalStore store = new CloudJournalStore(db);
        CloudJournal.JournaledPlan old = store.load("old-1").orElseThrow();
        store.recordPlan(PlanRenderingTestAccess.fullWorkflow());

        assertThat(old.title()).isEqualTo("Attach eni-bp17pdijfczax0001 to i-bp67acfmxazb4p0001");
        assertThat(old.titlePhrase().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo(old.title());
        assertThat(store.recent(5)).hasSize(2);
    }
}
