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
}
