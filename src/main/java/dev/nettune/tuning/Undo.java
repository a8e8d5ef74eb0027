package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.linux.Reading;
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

    /**
     * The plan that puts back every change of a logical change: the plan and each "finish" plan that
     * completed it (newest first, each target to its oldest journaled "before"). Reads the host; changes nothing.
     */
    public Plan planUndo(Host host, String planId) throws HostException, InterruptedException {
        Journal.PlanRecord rec = root(known(planId));
        List<Entry> applied = logicalEntries(rec.id(), true);
        if (applied.isEmpty() && rec.status() != PlanStatus.RUNNING) {
            throw new TuningInputException(Phrase.of("tuning.undo.nothingLeft", "Plan {0} left nothing to undo (it is {1}).",
                    rec.id(), rec.status().phrase()));
        }
        return revertPlan(host, "undo of " + rec.id(), applied);
    }

    /** The plan that puts back one journaled change. */
    public Plan planUndoEntry(Host host, long entryId) throws HostException, InterruptedException {
        Entry e = entry(entryId);
        if (e.phase() == Phase.ROLLBACK) {
            throw new TuningInputException(Phrase.of("tuning.undo.entryIsRollback", "Entry {0} is a rollback; undo the plan's"
                    + " own step instead.", entryId));
        }
        return revertPlan(host, "undo of entry " + entryId, List.of(e));
    }

    /** Undoes a whole logical change; on success the plan and its finish plans are marked UNDONE. */
    public ApplyResult undoPlan(Host host, String planId, ApplyOptions options, ApplyListener listener,
                                Cancellation cancel) throws HostException, InterruptedException {
        Journal.PlanRecord rec = root(known(planId));
        Plan plan = planUndo(host, rec.id());
        ApplyResult r = engine.apply(host, plan, "undo", Optional.of(rec.id()), strayTemps(rec.id()), options, listener,
                cancel);
        if (r.applied()) {
            for (String id : family(rec.id())) {
                journal.planFinished(id, PlanStatus.UNDONE, Phrase.of("tuning.undo.undoneBy", "Undone by plan {0}.", plan.id()));
            }
        }
        return r;
    }

    /** Undoes one entry; the plan it belongs to is marked PARTLY_UNDONE. */
    public ApplyResult undoEntry(Host host, long entryId, ApplyOptions options, ApplyListener listener,
                                 Cancellation cancel) throws HostException, InterruptedException {
        Entry e = entry(entryId);
        Plan plan = planUndoEntry(host, entryId);
        ApplyResult r = engine.apply(host, plan, "undo", Optional.of(e.planId()), options, listener, cancel);
        if (r.applied() && !plan.steps().isEmpty()) {
            journal.planFinished(e.planId(), PlanStatus.PARTLY_UNDONE, Phrase.of("tuning.undo.entryUndoneBy",
                    "Entry {0} undone by plan {1}.", entryId, plan.id()));
        }
        return r;
    }

    /**
     * Finishes a plan NetTune stopped in the middle of. Every planned step is read again: what the host
     * already has is reported as such (a step journaled PENDING included), the rest is planned and applied
     * with read-back. Only when every value of the original plan is read back as planned is the plan APPLIED.
     */
    public ApplyResult finishUnfinished(Host host, String planId, ApplyOptions options, ApplyListener listener,
                                        Cancellation cancel) throws HostException, InterruptedException {
        Journal.PlanRecord rec = root(known(planId));
        requireUnfinished(rec);
        List<Change> all = new ArrayList<>();
        for (Journal.PlannedStep s : journal.plannedSteps(rec.id())) {
            all.add(s.change());
        }
        // The steps come from the journal of a plan the user already allowed (an unrestricted one only with its flag).
        Profile remaining = new Profile(rec.profile(), "the rest of plan " + rec.id(), List.copyOf(all), true);
        Plan plan = Planner.allowingUnrestricted().plan(host, remaining);
        if (!plan.applicable()) {
            return new ApplyResult(rec.id(), rec.status(), Phrase.of("tuning.undo.cannotFinish", "Plan {0} cannot be finished:"
                    + " {1} Nothing was changed; revert it with --revert.", rec.id(), Phrase.joined(" ", plan.problemPhrases())), List.of());
        }
        ApplyResult r = engine.apply(host, plan, "finish", Optional.of(rec.id()), strayTemps(rec.id()), options,
                listener, cancel);
        if (!r.applied()) {
            return r;
        }
        List<Reading<String>> now = Planner.readAll(host, all);
        List<Phrase> notThere = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Reading<String> reading = now.get(i);
            Change c = all.get(i);
            if (!reading.isKnown() || !c.satisfies(reading.asOptional().get(), c.desiredGiven(reading.asOptional().get()))) {
                notThere.add(Phrase.of("tuning.undo.reads", "{0} reads {1}", c.titlePhrase(), TuningEngine.shown(reading)));
            }
        }
        if (!notThere.isEmpty()) {
            Phrase msg = Phrase.of("tuning.undo.notFinished", "Plan {0} is not finished: {1}.", rec.id(), Phrase.joined("; ", notThere));
            journal.planFinished(rec.id(), PlanStatus.ROLLBACK_FAILED, msg);
            return new ApplyResult(r.planId(), PlanStatus.ROLLBACK_FAILED, msg, r.steps());
        }
        Phrase msg = Phrase.of("tuning.undo.finished", "Plan {0} finished by plan {1}: {2} of its {3} steps read back as"
                + " already done, {4} applied now; every value of the plan read back as planned.", rec.id(), plan.id(),
                plan.unchanged().size(), all.size(), plan.steps().size());
        journal.planFinished(rec.id(), PlanStatus.APPLIED, msg);
        return new ApplyResult(r.planId(), PlanStatus.APPLIED, msg, r.steps());
    }

    /** Reverts a plan NetTune stopped in the middle of, including a step that may have half run. */
    public ApplyResult revertUnfinished(Host host, String planId, ApplyOptions options, ApplyListener listener,
                                        Cancellation cancel) throws HostException, InterruptedException {
        Journal.PlanRecord rec = root(known(planId));
        requireUnfinished(rec);
        Plan plan = revertPlan(host, "revert of " + rec.id(), logicalEntries(rec.id(), false));
        ApplyResult r = engine.apply(host, plan, "undo", Optional.of(rec.id()), strayTemps(rec.id()), options, listener,
                cancel);
        if (r.applied()) {
            for (String id : family(rec.id())) {
                journal.planFinished(id, PlanStatus.ROLLED_BACK, Phrase.of("tuning.undo.revertedBy", "Reverted by plan {0}.", plan.id()));
            }
        }
        return r;
    }

    /**
     * The name an undo, entry undo or revert plan was journaled under ("undo of P", "undo of entry N", "revert of P"), as
     * a phrase the journal screens say in the user's language; any other profile name as it is.
     */
    public static Phrase planName(String profile) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(undo of entry|undo of|revert of) (\\S+)").matcher(profile);
        if (!m.matches()) {
            return Phrase.literal(profile);
        }
        return switch (m.group(1)) {
            case "undo of entry" -> Phrase.of("tuning.undo.nameEntry", "undo of entry {0}", m.group(2));
            case "undo of" -> Phrase.of("tuning.undo.name", "undo of {0}", m.group(2));
            default -> Phrase.of("tuning.undo.nameRevert", "revert of {0}", m.group(2));
        };
    }

    private Journal.PlanRecord known(String planId) {
        return journal.plan(planId).orElseThrow(() -> new TuningInputException(Phrase.of("tuning.undo.noPlan",
                "There is no plan '{0}' in the journal: `nettune journal` lists the plans and their ids.", planId)));
    }

    private Entry entry(long entryId) {
        return journal.entry(entryId).orElseThrow(() -> new TuningInputException(Phrase.of("tuning.undo.noEntry",
                "There is no journal entry {0}: `nettune journal` lists them.", entryId)));
    }

    /** The plan a finish plan completed, else the plan itself. */
    private Journal.PlanRecord root(Journal.PlanRecord rec) {
        if (rec.kind().equals("finish") && rec.undoes().isPresent()) {
            return journal.plan(rec.undoes().get()).orElse(rec);
        }
        return rec;
    }

    private static void requireUnfinished(Journal.PlanRecord rec) {
        if (rec.status() != PlanStatus.RUNNING && rec.status() != PlanStatus.ROLLBACK_FAILED
                && rec.status() != PlanStatus.REVERTING_ON_HOST) {
            throw new TuningInputException(Phrase.of("tuning.undo.notUnfinished", "Plan {0} is {1}, not unfinished: only a plan"
                    + " NetTune stopped in the middle of (RUNNING, ROLLBACK_FAILED, REVERTING_ON_HOST) can be finished"
                    + " or reverted; `nettune tune undo` puts back a finished one.", rec.id(), rec.status().phrase()));
        }
    }

    /** The plan and every "finish" plan of it, oldest first: one logical change. */
    private List<String> family(String rootId) {
        List<String> ids = new ArrayList<>();
        ids.add(rootId);
        List<Journal.PlanRecord> all = new ArrayList<>(journal.plans(Optional.empty()));
        java.util.Collections.reverse(all);
        for (Journal.PlanRecord p : all) {
            if (p.kind().equals("finish") && p.undoes().map(rootId::equals).orElse(false)) {
                ids.add(p.id());
            }
        }
        return ids;
    }

    /**
     * The APPLY entries of a logical change, oldest first: with {@code tookEffect} only those applied
     * (or PENDING: the command may have run) and not rolled back; else every one not rolled back.
     */
    private List<Entry> logicalEntries(String rootId, boolean tookEffect) {
        List<Entry> out = new ArrayList<>();
        for (String id : family(rootId)) {
            out.addAll(tookEffect ? appliedEntries(id) : touchedEntries(id));
        }
        return out;
    }

    private List<Entry> touchedEntries(String planId) {
        List<Entry> touched = new ArrayList<>();
        for (Entry e : journal.entries(Optional.of(planId), Optional.empty())) {
            if (e.phase() == Phase.APPLY && e.outcome() != Outcome.ROLLED_BACK) {
                touched.add(e);
            }
        }
        return touched;
    }

    /** The temporary files (of atomic writes) that a killed run of the logical change may have left. */
    private List<String> strayTemps(String rootId) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String id : family(rootId)) {
            for (Journal.PlannedStep s : journal.plannedSteps(id)) {
                s.change().writtenFiles().forEach(f -> out.add(Action.WriteFile.tempPathOf(f)));
            }
        }
        return List.copyOf(out);
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
        // One step per target, back to the OLDEST journaled "before" (a finish plan's "before" may be half done),
        // ordered newest first.
        java.util.Map<String, Entry> oldest = new java.util.LinkedHashMap<>();
        for (Entry e : entries) {
            oldest.putIfAbsent(e.target(), e);
        }
        List<String> order = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!order.contains(entries.get(i).target())) {
                order.add(entries.get(i).target());
            }
        }
        List<Entry> newestFirst = order.stream().map(oldest::get).toList();
        List<Change> changes = newestFirst.stream().map(Entry::change).toList();
        Set<String> nics = new java.util.LinkedHashSet<>();
        changes.forEach(c -> c.affectedNic().ifPresent(nics::add));
        HostFacts facts = new Planner().readFacts(host, nics);
        List<Reading<String>> now = Planner.readAll(host, changes);
        List<Step> steps = new ArrayList<>();
        List<dev.nettune.Phrase> unchanged = new ArrayList<>();
        List<dev.nettune.Phrase> notes = new ArrayList<>();
        List<dev.nettune.Phrase> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            Entry e = newestFirst.get(i);
            if (!seen.add(c.target())) {
                continue;
            }
            Reading<String> r = now.get(i);
            if (!r.isKnown()) {
                problems.add(Planner.sentence(Planner.titled(c, r.unknownPhrase().get())));
                continue;
            }
            String current = r.asOptional().get();
            Optional<dev.nettune.Phrase> skipped = c.skippedBecause(current);
            if (skipped.isPresent()) {
                notes.add(Planner.skippedNote(Planner.titled(c, skipped.get())));
                continue;
            }
            if (c.satisfies(current, e.before())) {
                unchanged.add(dev.nettune.Phrase.of("tuning.undo.alreadyBack", "{0} is already back at {1}", c.titlePhrase(),
                        TuningEngine.oneLine(e.before())));
                continue;
            }
            boolean confirmed = c.canCutSession() && c.affectedNic().map(facts::mayCarrySession).orElse(false);
            steps.add(new Step(steps.size() + 1, c, current, e.before(), c.actions(current, e.before()), confirmed,
                    List.of(dev.nettune.Phrase.of("tuning.undo.putsBack", "puts back the value journaled in entry {0}", e.id()))));
        }
        return new Plan(Planner.newId(), host.name(), name, Instant.now(), steps, unchanged, notes, problems, facts);
    }
}
