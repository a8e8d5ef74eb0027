package dev.nettune.app;

import dev.nettune.cloud.CloudJournal;
import dev.nettune.cloud.CloudPlanRunner;
import dev.nettune.cloud.ProgressListener;
import dev.nettune.cloud.ResourceWaiter;
import dev.nettune.cloud.StepState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The journaled cloud plans for the Journal screen: listed with how far they got, undone or resumed
 * on the account the Cloud screen last connected with (the sandbox before any), the way
 * {@code nettune cloud plan undo|resume} does it from the CLI.
 */
public final class CloudPlans {
    /** One journaled plan: what it is, how far it got, and what can be done with it now. */
    public record Summary(String id, dev.nettune.Phrase titlePhrase, Instant created, String state, int done, int total, boolean resumable,
            boolean undoable, dev.nettune.Phrase detail) {
        /** The title in English. */
        public String title() {
            return titlePhrase.toString();
        }
    }

    /** The account undo and resume act on, as the user should confirm it. */
    public record Target(dev.nettune.Phrase display, boolean sandbox) {
    }

    private final CloudJournal journal;
    private final CloudAccounts accounts;
    private final ResourceWaiter waiter;

    public CloudPlans(CloudJournal journal, CloudAccounts accounts, ResourceWaiter waiter) {
        this.journal = journal;
        this.accounts = accounts;
        this.waiter = waiter;
    }

    /** The newest plans first. */
    public List<Summary> recent(int limit) {
        return journal.recent(limit).stream().map(CloudPlans::summary).toList();
    }

    static Summary summary(CloudJournal.JournaledPlan p) {
        int total = p.steps().size();
        long done = p.steps().stream().filter(s -> s.state() == StepState.DONE).count();
        boolean undone = p.steps().stream().anyMatch(s -> s.state() == StepState.UNDONE);
        boolean undoFailed = p.steps().stream().anyMatch(s -> s.state() == StepState.UNDO_FAILED);
        boolean failed = p.steps().stream().anyMatch(s -> s.state() == StepState.FAILED);
        boolean tookEffect = done > 0 || undoFailed || p.steps().stream().anyMatch(s -> s.state() != StepState.PENDING && !s.output().isEmpty()
                && s.state() != StepState.UNDONE);
        String state = undoFailed ? "UNDO_FAILED" : undone && !tookEffect ? "UNDONE" : p.isComplete() ? "COMPLETE" : failed ? "FAILED" : "INCOMPLETE";
        Optional<String> error = p.steps().stream().map(CloudJournal.JournaledStep::error).filter(e -> !e.isBlank()).reduce((a, b) -> b);
        // The API's error is quoted as it came (the server's own words).
        dev.nettune.Phrase detail = error.map(e -> dev.nettune.Phrase.of("cloud.summary.doneWithError", "{0} of {1} steps done; last error: {2}",
                done, total, e)).orElse(dev.nettune.Phrase.of("cloud.summary.done", "{0} of {1} steps done", done, total));
        boolean resumable = !p.isComplete() && !undone;
        return new Summary(p.planId(), p.titlePhrase(), p.created(), state, (int) done, total, resumable, tookEffect, detail);
    }

    /** The account undo and resume will use: the Cloud screen's remembered one, else the sandbox. */
    public Target target() {
        Optional<CloudAccounts.Choice> choice = accounts.remembered();
        Optional<CloudAccounts.Account> account = choice.flatMap(c -> accounts.find(c.account()));
        if (account.isEmpty() || account.get().sandbox()) {
            return new Target(dev.nettune.Phrase.of("cloud.target.sandbox", "the sandbox region"), true);
        }
        CloudAccounts.Choice c = choice.get();
        dev.nettune.Phrase where = dev.nettune.Phrase.literal(account.get().display());
        if (c.region().isPresent()) {
            where = dev.nettune.Phrase.of("cloud.target.inRegion", "{0} in {1}", where, c.region().get());
        }
        if (c.endpoint().isPresent()) {
            where = dev.nettune.Phrase.of("cloud.target.via", "{0} via {1}", where, c.endpoint().get());
        }
        return new Target(where, false);
    }

    /** Undoes the plan's steps that took effect, newest first (blocks: call off the FX thread). */
    public CloudPlanRunner.PlanRun undo(String planId, ProgressListener progress) {
        try (CloudConnection c = connect()) {
            return new CloudPlanRunner(c.api(), journal, waiter).undo(planId, progress, CloudPlanRunner.Confirmation.ALWAYS);
        }
    }

    /** Continues the plan from its first step that is not done (blocks: call off the FX thread). */
    public CloudPlanRunner.PlanRun resume(String planId, ProgressListener progress) {
        try (CloudConnection c = connect()) {
            return new CloudPlanRunner(c.api(), journal, waiter).resume(planId, progress, CloudPlanRunner.Confirmation.ALWAYS);
        }
    }

    private CloudConnection connect() {
        Optional<CloudAccounts.Choice> choice = accounts.remembered();
        CloudAccounts.Account account = choice.flatMap(c -> accounts.find(c.account())).orElse(accounts.accounts().get(0));
        return accounts.connect(account, choice.flatMap(CloudAccounts.Choice::region), choice.flatMap(CloudAccounts.Choice::endpoint));
    }
}
