package dev.nettune.cloud;

import dev.nettune.Phrase;

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

    /**
     * The outcome of one run: how far it got (a phrase per step that ran), and why it stopped if it did; {@link #stepResults()}
     * and {@link #failure()} are their English, as {@code --json} gives them.
     */
    public record PlanRun(String planId, boolean completed, List<Phrase> resultPhrases, Optional<Phrase> failurePhrase,
            Optional<CloudApiException> apiError) {
        public PlanRun {
            resultPhrases = List.copyOf(resultPhrases);
        }

        /** Each step's result in English. */
        public List<String> stepResults() {
            return resultPhrases.stream().map(Phrase::toString).toList();
        }

        /** Why the run stopped, in English. */
        public Optional<String> failure() {
            return failurePhrase.map(Phrase::toString);
        }
    }

    public PlanRun run(CloudPlan plan, ProgressListener progress, Confirmation confirmation) {
        journal.recordPlan(plan);
        return runFrom(plan, new PlanContext(), 0, progress, confirmation);
    }

    /** Continues a journaled plan from its first step that is not done. */
    public PlanRun resume(String planId, ProgressListener progress, Confirmation confirmation) {
        CloudJournal.JournaledPlan jp = journal.load(planId).orElseThrow(() -> noPlan(planId));
        CloudPlan plan = jp.toPlan();
        PlanContext context = contextOf(jp, plan);
        int first = 0;
        while (first < jp.steps().size() && jp.steps().get(first).state() == StepState.DONE) {
            first++;
        }
        if (jp.steps().stream().anyMatch(s -> s.state() == StepState.UNDONE)) {
            throw new CloudInputException(Phrase.of("cloud.run.alreadyUndone",
                    "Plan {0} has been undone; make a new plan instead of resuming it.", planId));
        }
        progress.progress(Phrase.of("cloud.run.resuming", "Resuming plan {0} at step {1} of {2}", planId, first + 1, plan.steps().size()));
        return runFrom(plan, context, first, progress, confirmation);
    }

    private static CloudInputException noPlan(String planId) {
        return new CloudInputException(Phrase.of("cloud.run.noPlan", "No plan {0} in the journal; list them with nettune cloud plan list.",
                planId));
    }

    /** Undoes the steps of a journaled plan that took effect, newest first. */
    public PlanRun undo(String planId, ProgressListener progress, Confirmation confirmation) {
        CloudJournal.JournaledPlan jp = journal.load(planId).orElseThrow(() -> noPlan(planId));
        CloudPlan plan = jp.toPlan();
        PlanContext context = contextOf(jp, plan);
        List<Phrase> results = new ArrayList<>();
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
                Phrase why = step.noUndoReason().orElse(Phrase.of("cloud.noUndo.nothing", "nothing to undo"));
                results.add(Phrase.of("cloud.run.result", "Step {0}: {1}", i + 1, why));
                journal.recordStep(planId, i, StepState.UNDONE, js.output(), "");
                continue;
            }
            CloudAction r = reverse.get();
            Optional<Phrase> interruption = r.interruptionPhrase();
            if (interruption.isPresent() && !confirmation.confirm(r, interruption.get().toString())) {
                return new PlanRun(planId, false, results, Optional.of(Phrase.of("cloud.run.undoNotConfirmed",
                        "Undo stopped before step {0}: not confirmed ({1})", i + 1, interruption.get())), Optional.empty());
            }
            progress.progress(Phrase.of("cloud.run.undoStep", "Undo step {0}: {1}", i + 1, r.title()));
            try {
                String out = r.execute(new StepEnvironment(api, context, waiter, progress));
                journal.recordStep(planId, i, StepState.UNDONE, js.output(), "");
                results.add(Phrase.of("cloud.run.undone", "Step {0} undone: {1}", i + 1, r.outcome(out)));
            } catch (RuntimeException e) {
                journal.recordStep(planId, i, StepState.UNDO_FAILED, js.output(), describe(e));
                return new PlanRun(planId, false, results, Optional.of(Phrase.of("cloud.run.undoFailed", "Undo of step {0} failed: {1}",
                        i + 1, describePhrase(e))), apiError(e));
            }
        }
        return new PlanRun(planId, true, results, Optional.empty(), Optional.empty());
    }

    private PlanRun runFrom(CloudPlan plan, PlanContext context, int first, ProgressListener progress, Confirmation confirmation) {
        List<Phrase> results = new ArrayList<>();
        for (int i = first; i < plan.steps().size(); i++) {
            CloudAction step = plan.steps().get(i);
            Optional<Phrase> interruption = step.interruptionPhrase();
            if (interruption.isPresent() && !confirmation.confirm(step, interruption.get().toString())) {
                return new PlanRun(plan.id(), false, results, Optional.of(Phrase.of("cloud.run.notConfirmed",
                        "Stopped before step {0}: not confirmed ({1}). Resume the plan when you are ready.", i + 1, interruption.get())),
                        Optional.empty());
            }
            if (Thread.currentThread().isInterrupted()) {
                return new PlanRun(plan.id(), false, results, Optional.of(Phrase.of("cloud.run.cancelledBefore", "Cancelled before step {0}.",
                        i + 1)), Optional.empty());
            }
            // The step itself, not its English: each front end says the title in its own language.
            progress.progress(Phrase.of("cloud.run.step", "Step {0}/{1}: {2}", i + 1, plan.steps().size(), step.title()));
            journal.recordStep(plan.id(), i, StepState.RUNNING, "", "");
            try {
                String out = step.execute(new StepEnvironment(api, context, waiter, progress));
                journal.recordStep(plan.id(), i, StepState.DONE, out, "");
                results.add(Phrase.of("cloud.run.result", "Step {0}: {1}", i + 1, step.outcome(out)));
            } catch (RuntimeException e) {
                String partial = step instanceof CloudAction.CreateNetworkInterface c
                        ? context.createdBy(c.spec().clientToken()).map(NetworkInterfaceId::value).orElse("") : "";
                journal.recordStep(plan.id(), i, StepState.FAILED, partial, describe(e));
                return new PlanRun(plan.id(), false, results, Optional.of(Phrase.of("cloud.run.stepFailed",
                        "Step {0} failed: {1} Resume or undo the plan {2}.", i + 1, describePhrase(e), plan.id())), apiError(e));
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

    /** The error for a person in English (the journal keeps it): code, message and RequestId for API errors, plus advice where there is some. */
    public static String describe(RuntimeException e) {
        return describePhrase(e).toString();
    }

    /** The error for a person: an API error's code, message and RequestId as given, advice and NetTune's own errors in the user's language. */
    public static Phrase describePhrase(RuntimeException e) {
        if (e instanceof CloudApiException c) {
            return c.phrase();
        }
        if (e instanceof CloudWaitException w) {
            return w.phrase();
        }
        return e.getMessage() == null ? Phrase.literal(e.toString()) : Phrase.from(e);
    }
}
