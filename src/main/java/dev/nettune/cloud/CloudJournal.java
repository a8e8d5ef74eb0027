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
    record JournaledPlan(String planId, dev.nettune.Phrase titlePhrase, List<dev.nettune.Phrase> notePhrases, Instant created,
            List<JournaledStep> steps) {
        public JournaledPlan {
            notePhrases = List.copyOf(notePhrases);
            steps = List.copyOf(steps);
        }

        /** The title in English. */
        public String title() {
            return titlePhrase.toString();
        }

        /** The notes in English. */
        public List<String> notes() {
            return notePhrases.stream().map(dev.nettune.Phrase::toString).toList();
        }

        /** The plan again, its steps decoded from their journaled calls and its notes said in the language in use. */
        public CloudPlan toPlan() {
            return new CloudPlan(planId, titlePhrase, steps.stream().map(s -> CloudActionWire.decode(s.call())).toList(), notePhrases);
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
