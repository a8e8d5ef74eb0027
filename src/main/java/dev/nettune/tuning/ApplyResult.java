package dev.nettune.tuning;

import java.util.List;

/** How applying a plan ended: the plan's journaled status, a sentence for the user, and each step's outcome. */
public record ApplyResult(String planId, Journal.PlanStatus status, String message, List<StepResult> steps) {
    public ApplyResult {
        steps = List.copyOf(steps);
    }

    /** One step as it ended (read-back is what the host reported afterwards). */
    public record StepResult(Step step, Journal.Phase phase, Journal.Outcome outcome, String readBack, String message) {
    }

    public boolean applied() {
        return status == Journal.PlanStatus.APPLIED;
    }
}
