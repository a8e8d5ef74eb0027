package dev.nettune.tuning;

import dev.nettune.Phrase;
import java.util.List;

/**
 * How applying a plan ended: the plan's journaled status, a sentence for the user (a phrase, said in the user's
 * language; {@link #message()} is its English, as journaled), and each step's outcome.
 */
public record ApplyResult(String planId, Journal.PlanStatus status, Phrase messagePhrase, List<StepResult> steps) {
    public ApplyResult {
        steps = List.copyOf(steps);
    }

    /** A result whose sentence has no translation. */
    public ApplyResult(String planId, Journal.PlanStatus status, String message, List<StepResult> steps) {
        this(planId, status, Phrase.literal(message), steps);
    }

    /** The sentence in English. */
    public String message() {
        return messagePhrase.toString();
    }

    /** One step as it ended (read-back is what the host reported afterwards; the message is empty when all went well). */
    public record StepResult(Step step, Journal.Phase phase, Journal.Outcome outcome, String readBack, Phrase messagePhrase) {
        /** A step result whose message has no translation. */
        public StepResult(Step step, Journal.Phase phase, Journal.Outcome outcome, String readBack, String message) {
            this(step, phase, outcome, readBack, Phrase.literal(message));
        }

        /** The message in English. */
        public String message() {
            return messagePhrase.toString();
        }
    }

    public boolean applied() {
        return status == Journal.PlanStatus.APPLIED;
    }
}
