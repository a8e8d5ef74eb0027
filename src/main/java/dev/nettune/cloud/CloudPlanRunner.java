package dev.nettune.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a plan step by step, journaling each step before and after it runs; resumes a plan from
 * the first step not done, and undoes the done steps in reverse order. A step that interrupts
 * service runs only after {@link Confirmation} says yes.
 */
public final class CloudPlanRunner {
    private final CloudApi api;
    private final CloudJournal journal;
    private final ResourceWaiter waiter;

    public CloudPlanRunner(CloudApi api, CloudJournal journal, ResourceWaiter waiter) {
        this.api = api;
        this.journal = journal;
        this.waiter = waiter;
    }

    /** Asks the user before a step that interrupts service. */
    @FunctionalInterface
    public interface Confirmation {
        Confirmation ALWAYS = (step, interruption) -> true;
        Confirmation NEVER = (step, interruption) -> false;

        boolean confirm(CloudAction step, String interruption);
    }

    /** The outcome of one run: how far it got, and why it stopped if it did. */
    public record PlanRun(String planId, boolean completed, List<String> stepResults, Optional<String> failure,
            Optional<CloudApiException> apiError) {
        public PlanRun {
            stepResults = List.copyOf(stepResults);
        }
    }

    public PlanRun run(CloudPlan plan, ProgressListener progress, Confirmation confirmation) {
        journal.recordPlan(plan);
        return runFrom(plan, new PlanContext(), 0, progress, confirmation);
    }

    /** Continues a journaled plan from its first step that is not done. */
    public PlanRun resume(String planId, ProgressListener progress, Confirmation confirmation) {
        CloudJournal.JournaledPlan jp = journal.load(planId)
                .orElseThrow(() -> new CloudInputException("No plan " + planId + " in the journal; list them with nettune cloud plan list."));
        CloudPlan plan = jp.toPlan();
        PlanContext context = contextOf(jp, plan);
        int first = 0;
        while (first < jp.steps().size() && jp.steps().get(first).state() == StepState.DONE) {
            first++;
        }
        if (jp.steps().stream().anyMatch(s -> s.state() == StepState.UNDONE)) {
            throw new CloudInputException("Plan " + planId + " has been undone; make a new plan instead of resuming it.");
        }
        progress.progress("Resuming plan " + planId + " at step " + (first + 1) + " of " + plan.steps().size());
        return runFrom(plan, context, first, progress, confirmation);
    }

    /** Undoes the steps of a journaled plan that took effect, newest first. */
    public PlanRun undo(String planId, ProgressListener progress, Confirmation confirmation) {
        CloudJournal.JournaledPlan jp = journal.load(planId)
                .orElseThrow(() -> new CloudInputException("No plan " + planId + " in the journal; list them with nettune cloud plan list."));
        CloudPlan plan = jp.toPlan();
        PlanContext context = contextOf(jp, plan);
        List<String> results = new ArrayList<>();
        for (int i = jp.steps().size() - 1; i >= 0; i--) {
            CloudJournal.JournaledStep js = jp.steps().get(i);
            boolean tookEffect = js.state() == StepState.DONE || js.state() == StepState.UNDO_FAILED
                    || (js.state() == StepState.FAILED || js.state() == StepState.RUNNING) && !js.output().isEmpty();
            if (!tookEffect) {
                continue;
            }
            CloudAction step = plan.steps().get(i);
            Optional<CloudAction> reverse = step.undo(js.output());
            if (reverse.isEmpty()) {
                String why = step.noUndoReason().orElse("nothing to undo");
                results.add("Step " + (i + 1) + ": " + why);
                journal.recordStep(planId, i, StepState.UNDONE, js.output(), "");
                continue;
            }
            CloudAction r = reverse.get();
            Optional<String> interruption = r.interruption();
            if (interruption.isPresent() && !confirmation.confirm(r, interruption.get())) {
                return new PlanRun(planId, false, results, Optional.of("Undo stopped before step " + (i + 1) + ": not confirmed ("
                        + interruption.get() + ")"), Optional.empty());
            }
            progress.progress("Undo step " + (i + 1) + ": " + r.describe());
            try {
                String out = r.execute(new StepEnvironment(api, context, waiter, progress));
                journal.recordStep(planId, i, StepState.UNDONE, js.output(), "");
                results.add("Step " + (i + 1) + " undone: " + r.outcome(out));
            } catch (RuntimeException e) {
                journal.recordStep(planId, i, StepState.UNDO_FAILED, js.output(), describe(e));
                return new PlanRun(planId, false, results, Optional.of("Undo of step " + (i + 1) + " failed: " + describe(e)), apiError(e));
            }
        }
        return new PlanRun(planId, true, results, Optional.empty(), Optional.empty());
    }

    private PlanRun runFrom(CloudPlan plan, PlanContext context, int first, ProgressListener progress, Confirmation confirmation) {
        List<String> results = new ArrayList<>();
        for (int i = first; i < plan.steps().size(); i++) {
            CloudAction step = plan.steps().get(i);
            Optional<String> interruption = step.interruption();
            if (interruption.isPresent() && !confirmation.confirm(step, interruption.get())) {
                return new PlanRun(plan.id(), false, results, Optional.of("Stopped before step " + (i + 1) + ": not confirmed ("
                        + interruption.get() + "). Resume the plan when you are ready."), Optional.empty());
            }
            if (Thread.currentThread().isInterrupted()) {
                return new PlanRun(plan.id(), false, results, Optional.of("Cancelled before step " + (i + 1) + "."), Optional.empty());
            }
            progress.progress("Step " + (i + 1) + "/" + plan.steps().size() + ": " + step.describe());
            journal.recordStep(plan.id(), i, StepState.RUNNING, "", "");
            try {
                String out = step.execute(new StepEnvironment(api, context, waiter, progress));
                journal.recordStep(plan.id(), i, StepState.DONE, out, "");
                results.add("Step " + (i + 1) + ": " + step.outcome(out));
            } catch (RuntimeException e) {
                String partial = step instanceof CloudAction.CreateNetworkInterface c
                        ? context.createdBy(c.spec().clientToken()).map(NetworkInterfaceId::value).orElse("") : "";
                journal.recordStep(plan.id(), i, StepState.FAILED, partial, describe(e));
                return new PlanRun(plan.id(), false, results, Optional.of("Step " + (i + 1) + " failed: " + describe(e)
                        + " Resume or undo the plan " + plan.id() + "."), apiError(e));
            }
        }
        return new PlanRun(plan.id(), true, results, Optional.empty(), Optional.empty());
    }

    private static PlanContext contextOf(CloudJournal.JournaledPlan jp, CloudPlan plan) {
        PlanContext context = new PlanContext();
        for (int i = 0; i < plan.steps().size(); i++) {
            if (plan.steps().get(i) instanceof CloudAction.CreateNetworkInterface c && !jp.steps().get(i).output().isEmpty()) {
                context.created(c.spec().clientToken(), NetworkInterfaceId.of(jp.steps().get(i).output()));
            }
        }
        return context;
    }

    private static Optional<CloudApiException> apiError(RuntimeException e) {
        return e instanceof CloudApiException c ? Optional.of(c) : Optional.empty();
    }

    /** The error for a person: code, message and RequestId for API errors, plus advice where there is some. */
    public static String describe(RuntimeException e) {
        if (e instanceof CloudApiException c) {
            return c.getMessage() + c.advice().map(a -> " " + a).orElse("");
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
