package dev.nettune.tuning;

import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.tuning.Journal.Entry;
import dev.nettune.tuning.Journal.Outcome;
import dev.nettune.tuning.Journal.Phase;
import dev.nettune.tuning.Journal.PlanStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Undo from the journal: a whole plan, one entry, or an unfinished plan (NetTune died in the middle)
 * finished or reverted. Each is itself a plan, applied by the engine, so it is journaled, verified
 * and rolled back on failure like any other.
 */
public final class Undo {
    private final TuningEngine engine;
    private final Journal journal;

    public Undo(TuningEngine engine) {
        this.engine = engine;
        this.journal = engine.journal();
    }

    /** The plan that puts back every change a plan made (newest first). Reads the host; changes nothing. */
    public Plan planUndo(Host host, String planId) throws HostException, InterruptedException {
        Journal.PlanRecord rec = journal.plan(planId).orElseThrow(() -> new TuningInputException(
                "There is no plan " + planId + " in the journal: `nettune journal` lists them."));
        List<Entry> applied = appliedEntries(planId);
        if (applied.isEmpty() && rec.status() != PlanStatus.RUNNING) {
            throw new TuningInputException("Plan " + planId + " left nothing to undo (it is " + rec.status() + ").");
        }
        return revertPlan(host, "undo of " + planId, applied);
    }

    /** The plan that puts back one journaled change. */
    public Plan planUndoEntry(Host host, long entryId) throws HostException, InterruptedException {
        Entry e = journal.entry(entryId).orElseThrow(() -> new TuningInputException(
                "There is no journal entry " + entryId + "."));
        if (e.phase() == Phase.ROLLBACK) {
            throw new TuningInputException("Entry " + entryId + " is a rollback; undo the plan's own step instead.");
        }
        return revertPlan(host, "undo of entry " + entryId, List.of(e));
    }

    /** Undoes a whole plan; on success the plan is marked UNDONE. */
    public ApplyResult undoPlan(Host host, String planId, ApplyOptions options, ApplyListener listener,
                                Cancellation cancel) throws HostException, InterruptedException {
        Plan plan = planUndo(host, planId);
        ApplyResult r = engine.apply(host, plan, "undo", Optional.of(planId), options, listener, cancel);
        if (r.applied()) {
            journal.planFinished(planId, PlanStatus.UNDONE, "Undone by plan " + plan.id() + ".");
        }
        return r;
    }

    /** Undoes one entry; the plan it belongs to is marked PARTLY_UNDONE. */
    public ApplyResult undoEntry(Host host, long entryId, ApplyOptions options, ApplyListener listener,
                                 Cancellation cancel) throws HostException, InterruptedException {
        Entry e = journal.entry(entryId).orElseThrow(() -> new TuningInputException(
                "There is no journal entry " + entryId + "."));
        Plan plan = planUndoEntry(host, entryId);
        ApplyResult r = engine.apply(host, plan, "undo", Optional.of(e.planId()), options, listener, cancel);
        if (r.applied() && !plan.steps().isEmpty()) {
            journal.planFinished(e.planId(), PlanStatus.PARTLY_UNDONE, "Entry " + entryId + " undone by plan "
                    + plan.id() + ".");
        }
        return r;
    }

    /** Finishes a plan NetTune stopped in the middle of: the planned steps not yet applied, re-read and re-planned. */
    public ApplyResult finishUnfinished(Host host, String planId, ApplyOptions options, ApplyListener listener,
                                        Cancellation cancel) throws HostException, InterruptedException {
        Set<Integer> doneSeqs = new HashSet<>();
        appliedEntries(planId).forEach(e -> doneSeqs.add(e.seq()));
        List<Change> rest = new ArrayList<>();
        for (Journal.PlannedStep s : journal.plannedSteps(planId)) {
            if (!doneSeqs.contains(s.seq())) {
                rest.add(s.change());
            }
        }
        Journal.PlanRecord rec = journal.plan(planId).orElseThrow();
        Profile remaining = new Profile(rec.profile(), "the rest of plan " + planId, List.copyOf(rest));
        Plan plan = new Planner().plan(host, remaining);
        ApplyResult r = engine.apply(host, plan, "finish", Optional.of(planId), options, listener, cancel);
        if (r.applied()) {
            journal.planFinished(planId, PlanStatus.APPLIED, "Finished by plan " + plan.id() + ".");
        }
        return r;
    }

    /** Reverts a plan NetTune stopped in the middle of, including a step that may have half run. */
    public ApplyResult revertUnfinished(Host host, String planId, ApplyOptions options, ApplyListener listener,
                                        Cancellation cancel) throws HostException, InterruptedException {
        List<Entry> touched = new ArrayList<>();
        for (Entry e : journal.entries(Optional.of(planId), Optional.empty())) {
            if (e.phase() == Phase.APPLY && e.outcome() != Outcome.ROLLED_BACK) {
                touched.add(e);
            }
        }
        Plan plan = revertPlan(host, "revert of " + planId, touched);
        ApplyResult r = engine.apply(host, plan, "undo", Optional.of(planId), options, listener, cancel);
        if (r.applied()) {
            journal.planFinished(planId, PlanStatus.ROLLED_BACK, "Reverted by plan " + plan.id() + ".");
        }
        return r;
    }

    /** APPLY entries of a plan that took effect and were not rolled back afterwards. */
    private List<Entry> appliedEntries(String planId) {
        List<Entry> all = journal.entries(Optional.of(planId), Optional.empty());
        Set<Integer> rolledBack = new HashSet<>();
        for (Entry e : all) {
            if (e.phase() == Phase.ROLLBACK && (e.outcome() == Outcome.ROLLED_BACK
                    || e.outcome() == Outcome.REVERTED_BY_HOST)) {
                rolledBack.add(e.seq());
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : all) {
            if (e.phase() == Phase.APPLY && (e.outcome() == Outcome.APPLIED || e.outcome() == Outcome.PENDING)
                    && !rolledBack.contains(e.seq())) {
                out.add(e);
            }
        }
        return out;
    }

    /** A plan whose steps set each entry's "before" again, newest entry first; only what differs now. */
    private Plan revertPlan(Host host, String name, List<Entry> entries) throws HostException, InterruptedException {
        List<Entry> newestFirst = new ArrayList<>(entries);
        java.util.Collections.reverse(newestFirst);
        List<Change> changes = newestFirst.stream().map(Entry::change).toList();
        Set<String> nics = new java.util.LinkedHashSet<>();
        changes.forEach(c -> c.affectedNic().ifPresent(nics::add));
        HostFacts facts = new Planner().readFacts(host, nics);
        List<Reading> now = Planner.readAll(host, changes);
        List<Step> steps = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            Entry e = newestFirst.get(i);
            if (!seen.add(c.target())) {
                continue;
            }
            Reading r = now.get(i);
            if (!r.available()) {
                problems.add(c.title() + ": " + r.unavailable().get() + ".");
                continue;
            }
            String current = r.value().get();
            if (c.satisfies(current, e.before())) {
                unchanged.add(c.title() + " is already back at " + TuningEngine.oneLine(e.before()));
                continue;
            }
            boolean confirmed = c.canCutSession() && c.affectedNic().map(facts::mayCarrySession).orElse(false);
            steps.add(new Step(steps.size() + 1, c, current, e.before(), c.actions(current, e.before()), confirmed,
                    List.of("puts back the value journaled in entry " + e.id())));
        }
        return new Plan(Planner.newId(), host.name(), name, Instant.now(), steps, unchanged, List.of(), problems, facts);
    }
}
