package dev.nettune.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.cloud.CloudJournal;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.PlanRenderingTestAccess;
import dev.nettune.cloud.StepState;
import java.nio.file.Path;
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
}
