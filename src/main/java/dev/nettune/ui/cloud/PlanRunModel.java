package dev.nettune.ui.cloud;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.cloud.AliyunCliScript;
import dev.nettune.cloud.CloudAction;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.CloudPlanRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs a reviewed plan with progress and cancel, for the last page of every cloud wizard. Steps that
 * interrupt service run only if the user ticked {@link #interruptionsAccepted()} on the review page.
 */
public final class PlanRunModel {
    private final CloudSession session;
    private final TaskRunner tasks;
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper succeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper undone = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanProperty interruptionsAccepted = new SimpleBooleanProperty(false);
    private TaskRunner.Handle handle;
    private String planId = "";

    public PlanRunModel(CloudSession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    /** The plan as a person reviews it: numbered steps, each with its aliyun CLI line, then the notes. */
    public static String reviewText(CloudPlan plan) {
        StringBuilder sb = new StringBuilder();
        var lines = AliyunCliScript.lines(plan);
        for (int i = 0; i < plan.steps().size(); i++) {
            CloudAction s = plan.steps().get(i);
            sb.append(i + 1).append(". ").append(CloudStepTitles.of(s)).append('\n');
            s.interruptionPhrase().ifPresent(x -> sb.append("   ! ").append(Messages.format("cloud.run.interrupts", Messages.say(x))).append('\n'));
            sb.append("   $ ").append(lines.get(i)).append("\n\n");
        }
        if (plan.isEmpty()) {
            sb.append(Messages.get("cloud.run.nothingToChange")).append("\n\n");
        }
        for (dev.nettune.Phrase n : plan.notePhrases()) {
            sb.append(Messages.format("cloud.run.note", Messages.say(n))).append('\n');
        }
        return sb.toString();
    }

    /** What a run did, for the log: each step's result, then why it stopped if it did, in the language in use. */
    private void logOutcome(CloudPlanRunner.PlanRun run) {
        run.resultPhrases().forEach(r -> log.add(Messages.format("cloud.run.ok", Messages.say(r))));
        run.failurePhrase().ifPresent(f -> log.add(Messages.format("cloud.run.failedLine", Messages.say(f))));
    }

    public void run(CloudPlan plan) {
        if (running.get()) {
            return;
        }
        if (plan == null) {
            status.set(Messages.get("cloud.run.noPlan"));
            finished.set(false);
            return;
        }
        planId = plan.id();
        log.clear();
        finished.set(false);
        succeeded.set(false);
        running.set(true);
        status.set(Messages.format("cloud.run.running", plan.steps().size()));
        boolean accepted = interruptionsAccepted.get();
        CloudPlanRunner runner = new CloudPlanRunner(session.api(), session.journal(), session.waiter());
        handle = tasks.submit(() -> runner.run(plan, m -> tasks.toUi(() -> log.add(Messages.say(m))), (step, why) -> accepted), run -> {
            logOutcome(run);
            running.set(false);
            finished.set(true);
            succeeded.set(run.completed());
            status.set(run.completed() ? Messages.format("cloud.run.done", String.valueOf(run.planId()))
                    : run.failurePhrase().map(Messages::say).orElse(Messages.get("cloud.run.stopped")));
        }, e -> {
            log.add(Messages.format("cloud.run.failedLine", Messages.problem(e)));
            running.set(false);
            finished.set(true);
            status.set(Messages.format("cloud.run.failed", Messages.problem(e)));
        });
    }

    /** The id of the plan last run here (empty before a run). */
    public String planId() {
        return planId;
    }

    /**
     * Undoes the plan run here, newest step first, through the same runner as the Journal screen and
     * {@code nettune cloud plan undo}; the log shows each step undone with the value now in effect.
     */
    public void undo() {
        if (running.get() || !succeeded.get() || planId.isEmpty()) {
            return;
        }
        String id = planId;
        running.set(true);
        status.set(Messages.format("cloud.run.undoing", id));
        CloudPlanRunner runner = new CloudPlanRunner(session.api(), session.journal(), session.waiter());
        handle = tasks.submit(() -> runner.undo(id, m -> tasks.toUi(() -> log.add(Messages.say(m))), CloudPlanRunner.Confirmation.ALWAYS), run -> {
            logOutcome(run);
            running.set(false);
            if (run.completed()) {
                succeeded.set(false);
                undone.set(true);
            }
            status.set(run.completed() ? Messages.format("cloud.run.undone", id)
                    : run.failurePhrase().map(Messages::say).orElse(Messages.get("cloud.run.stopped")));
        }, e -> {
            log.add(Messages.format("cloud.run.failedLine", Messages.problem(e)));
            running.set(false);
            status.set(Messages.format("cloud.run.undoFailed", Messages.problem(e)));
        });
    }

    /** True once the plan run here was undone. */
    public ReadOnlyBooleanProperty undoneProperty() {
        return undone.getReadOnlyProperty();
    }

    public void cancel() {
        if (handle != null && running.get()) {
            handle.cancel();
            running.set(false);
            finished.set(true);
            status.set(Messages.format("cloud.run.cancelled", String.valueOf(planId)));
        }
    }

    /** The account and region the plan runs on. */
    public CloudSession session() {
        return session;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty succeededProperty() {
        return succeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanProperty interruptionsAcceptedProperty() {
        return interruptionsAccepted;
    }
}
