package dev.nettune.cloud;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to where plans and their steps are journaled (SQLite: {@code store.CloudJournalStore}). */
public interface CloudJournal {
    /** Records a plan before its first step runs: every step PENDING. */
    void recordPlan(CloudPlan plan);

    /** Records a step's new state with its output (what undo needs) or its error (code, message, RequestId). */
    void recordStep(String planId, int index, StepState state, String output, String error);

    Optional<JournaledPlan> load(String planId);

    /** The newest plans first. */
    List<JournaledPlan> recent(int limit);

    /** A plan as the journal holds it. */
    record JournaledPlan(String planId, String title, List<String> notes, Instant created, List<JournaledStep> steps) {
        public JournaledPlan {
            notes = List.copyOf(notes);
            steps = List.copyOf(steps);
        }

        /** The plan again, its steps decoded from their journaled calls. */
        public CloudPlan toPlan() {
            return new CloudPlan(planId, title, steps.stream().map(s -> CloudActionWire.decode(s.call())).toList(),
                    notes.stream().map(dev.nettune.Phrase::literal).toList());
        }

        public boolean isComplete() {
            return steps.stream().allMatch(s -> s.state() == StepState.DONE);
        }
    }

    /** One step as journaled. */
    record JournaledStep(int index, CloudCall call, StepState state, String output, String error, Instant updated) {
        public JournaledStep {
            output = output == null ? "" : output;
            error = error == null ? "" : error;
        }
    }
}
