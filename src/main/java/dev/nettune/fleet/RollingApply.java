package dev.nettune.fleet;

import dev.nettune.Phrase;

import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.Step;
import dev.nettune.tuning.TuningEngine;
import dev.nettune.tuning.TuningInputException;
import dev.nettune.tuning.TuningLockedException;
import dev.nettune.tuning.Undo;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A profile rolled out over many instances with the same plan reader, steps, read-back, rollback and
 * journal that {@code tune apply} uses on one ({@link Planner}, {@link TuningEngine}, {@link Undo}):
 * the canary first, then the rest at most {@code parallel} at a time in the order given; when more than
 * {@code maxFailures} instances failed no new one starts. Each instance's plan is journaled as usual and
 * linked to one fleet run, so the run can be reported and undone by its id alone. The order and batches
 * are {@link Rollout}'s; this class says what is done on each instance.
 */
public final class RollingApply {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final TuningEngine engine;
    private final FleetJournal journal;
    private final FleetHosts hosts;
    private final Function<FleetInstance, ApplyOptions> applyOptions;
    private final Rollout rollout;

    /**
     * {@code applyOptions} gives each instance its apply options; its connector must open a fresh host for
     * that instance (the engine confirms commit-confirmed steps and reconnects through it).
     */
    public RollingApply(TuningEngine engine, FleetJournal journal, FleetHosts hosts,
                        Function<FleetInstance, ApplyOptions> applyOptions) {
        this.engine = engine;
        this.journal = journal;
        this.hosts = hosts;
        this.applyOptions = applyOptions;
        this.rollout = new Rollout(journal);
    }

    /** A new run id: {@code fleet-20261203-001500-3fa2}, sortable by time and unique on this machine. */
    public static String newRunId() {
        byte[] b = new byte[2];
        RANDOM.nextBytes(b);
        return "fleet-" + ID_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(b);
    }

    // ---- preview ----------------------------------------------------------------------------------

    /**
     * Reads every instance's plan for {@code profile}, at most {@code parallel} at a time; each preview is
     * handed to {@code each} as it arrives (on a worker thread) and all are returned in the order given.
     * Reads only: nothing changes on any instance.
     */
    public static List<InstancePreview> preview(List<FleetInstance> instances, Profile profile, FleetHosts hosts,
                                                int parallel, Cancellation cancel,
                                                java.util.function.Consumer<InstancePreview> each)
            throws InterruptedException {
        InstancePreview[] out = new InstancePreview[instances.size()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, instances.size())),
                Rollout.threads("fleet-preview"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < instances.size(); i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    FleetInstance inst = instances.get(k);
                    InstancePreview p;
                    if (cancel.isCancelled()) {
                        p = InstancePreview.unreadable(inst, Phrase.of("fleet.preview.cancelled", "cancelled before it was read"));
                    } else {
                        p = readOne(inst, profile, hosts);
                    }
                    out[k] = p;
                    each.accept(p);
                    return null;
                }));
            }
            Rollout.awaitAll(futures);
        } finally {
            pool.shutdownNow();
        }
        return List.of(out);
    }

    private static InstancePreview readOne(FleetInstance inst, Profile profile, FleetHosts hosts) throws InterruptedException {
        try (Host h = hosts.open(inst)) {
            return InstancePreview.of(inst, new Planner().plan(h, profile));
        } catch (HostException | RuntimeException e) {
            return InstancePreview.unreadable(inst, said(e));
        }
    }

    // ---- apply ------------------------------------------------------------------------------------

    /**
     * Applies {@code profile} (named {@code profileName} in the journal) to every instance under
     * {@code policy}. {@code previewed} plans (by position) are used as they are when present; the engine
     * refuses one whose host changed since it was read, and that instance fails without a change.
     */
    public FleetRun apply(String profileName, Profile profile, List<FleetInstance> instances, RolloutPolicy policy,
                          Map<Integer, Plan> previewed, FleetListener listener, Cancellation cancel)
            throws InterruptedException {
        return apply(profileName, profile, instances, policy, previewed, Map.of(), listener, cancel);
    }

    /**
     * As {@link #apply(String, Profile, List, RolloutPolicy, Map, FleetListener, Cancellation)}, with the
     * instances a preflight found unreachable ({@code notStarted}: position to why) journaled SKIPPED with
     * that reason before anything starts; a run that skipped any of them is not a success.
     */
    public FleetRun apply(String profileName, Profile profile, List<FleetInstance> instances, RolloutPolicy policy,
                          Map<Integer, Plan> previewed, Map<Integer, Phrase> notStarted, FleetListener listener,
                          Cancellation cancel) throws InterruptedException {
        checkPositions(instances);
        String runId = newRunId();
        // The canaries are the first N instances that can be started: one the preflight skipped proves nothing.
        int canaries = 0;
        for (int reachable = 0; canaries < instances.size() && reachable < policy.canary(); canaries++) {
            if (!notStarted.containsKey(canaries)) {
                reachable++;
            }
        }
        journal.runStarted(runId, "apply", profileName, Optional.empty(), policy, instances, canaries);
        journal.profileKept(runId, profile);
        FleetInstanceResult[] known = preflightSkips(runId, instances, canaries, notStarted);
        Rollout.InstanceTask task = (inst, canary) -> applyOne(runId, inst, canary, profile,
                Optional.ofNullable(previewed.get(inst.position())), listener, cancel);
        return rollout.rollOut(runId, instances, policy, canaries, known, task, listener, cancel);
    }

    /** The instances a preflight found unreachable, journaled SKIPPED with why, as known results of the run. */
    private FleetInstanceResult[] preflightSkips(String runId, List<FleetInstance> instances, int canaries,
                                                 Map<Integer, Phrase> notStarted) {
        FleetInstanceResult[] known = new FleetInstanceResult[instances.size()];
        for (Map.Entry<Integer, Phrase> e : notStarted.entrySet()) {
            int i = e.getKey();
            if (i < 0 || i >= instances.size()) {
                throw new FleetInputException(Phrase.of("fleet.run.noPosition", "No instance at position {0} to skip.", i));
            }
            known[i] = FleetInstanceResult.pending(instances.get(i), i < canaries)
                    .with(InstanceStatus.SKIPPED, Phrase.of("fleet.reason.preflight", "Not started: {0} (preflight).", e.getValue()));
            journal.instanceFinished(runId, i, InstanceStatus.SKIPPED, known[i].why());
        }
        return known;
    }

    private FleetInstanceResult applyOne(String runId, FleetInstance inst, boolean canary, Profile profile,
                                         Optional<Plan> previewed, FleetListener listener, Cancellation cancel)
            throws InterruptedException {
        FleetInstanceResult r = FleetInstanceResult.pending(inst, canary);
        try (Host h = hosts.open(inst)) {
            Plan plan = previewed.isPresent() ? previewed.get() : new Planner().plan(h, profile);
            if (!plan.applicable()) {
                return r.with(InstanceStatus.FAILED, Phrase.of("fleet.reason.notApplicable", "The plan cannot be applied: {0} Nothing was changed.",
                        Phrase.joined(" ", plan.problemPhrases())));
            }
            journal.instancePlanned(runId, inst.position(), plan.id());
            r = new FleetInstanceResult(inst, InstanceStatus.PENDING, "", Optional.of(plan.id()), canary);
            ApplyResult result = engine.apply(h, plan, applyOptions.apply(inst), relay(inst, listener), cancel);
            return r.with(status(result), result.messagePhrase());
        } catch (TuningLockedException | TuningInputException e) {
            return r.with(InstanceStatus.FAILED, Phrase.from(e));
        } catch (HostException e) {
            return r.with(InstanceStatus.FAILED, r.planId().isEmpty()
                    ? Phrase.of("fleet.reason.unreachableUnchanged", "Cannot reach or read {0}: {1} Nothing was changed.", inst.hostName(), said(e))
                    : Phrase.of("fleet.reason.unreachable", "Cannot reach or read {0}: {1}", inst.hostName(), said(e)));
        } catch (RuntimeException e) {
            return r.with(InstanceStatus.FAILED, said(e));
        }
    }

    static InstanceStatus status(ApplyResult r) {
        return switch (r.status()) {
            case APPLIED -> InstanceStatus.APPLIED;
            case ROLLED_BACK, REVERTED_BY_HOST -> InstanceStatus.ROLLED_BACK;
            default -> InstanceStatus.FAILED;
        };
    }

    // ---- undo -------------------------------------------------------------------------------------

    /**
     * Puts back what run {@code runId} changed: on every instance it applied, the existing undo of that
     * instance's plan, reached the way the run reached it. Instances the run did not change are SKIPPED.
     */
    public FleetRun undo(String runId, int parallel, FleetListener listener, Cancellation cancel) throws InterruptedException {
        FleetRun given = journal.run(runId).orElseThrow(() -> noRun(runId));
        Optional<String> continues = Optional.empty();
        FleetRun original = given;
        if (given.kind().equals("undo")) {
            // The id of an undo NetTune stopped in the middle of: continue it, as an undo of the run it was putting back.
            if (given.status() == RunStatus.RUNNING) {
                throw new FleetInputException(dev.nettune.Phrase.of("fleet.undo.running", "Undo run {0} is still running in another"
                        + " NetTune process; let it end, or stop that process, then run `nettune fleet undo {0}` again.", runId));
            }
            if (!given.status().resumable() || given.undoes().isEmpty()) {
                throw new FleetInputException(dev.nettune.Phrase.of("fleet.undo.ended", "Undo run {0} ended {1} ({2}): there is nothing"
                        + " to continue. `nettune fleet undo {3}` tries again what it could not put back.", runId, given.status(),
                        given.detailPhrase(), given.undoes().orElse("RUN")));
            }
            String of = given.undoes().get();
            original = journal.run(of).orElseThrow(() -> new FleetInputException(dev.nettune.Phrase.of("fleet.undo.gone",
                    "Undo run {0} puts back run {1}, which the journal no longer has.", runId, of)));
            continues = Optional.of(runId);
        }
        if (!original.kind().equals("apply")) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.undo.notApply", "Run {0} is an {1} run; undo the apply run it put"
                    + " back.", original.id(), original.kind()));
        }
        String applyId = original.id();
        List<FleetInstance> instances = original.instances().stream().map(FleetInstanceResult::instance).toList();
        Map<Integer, FleetInstanceResult> before = new java.util.HashMap<>();
        original.instances().forEach(r -> before.put(r.instance().position(), r));
        String undoId = newRunId();
        RolloutPolicy policy = RolloutPolicy.everyInstance(parallel);
        journal.runStarted(undoId, "undo", original.profile(), Optional.of(applyId), policy, instances, 0);
        markContinued(applyId, undoId);
        Undo undo = new Undo(engine);
        Rollout.InstanceTask task = (inst, canary) -> {
            FleetInstanceResult was = before.get(inst.position());
            FleetInstanceResult r = FleetInstanceResult.pending(inst, false);
            if (was.planId().isEmpty() || was.status() != InstanceStatus.APPLIED) {
                return r.with(InstanceStatus.SKIPPED, was.reason().isEmpty()
                        ? Phrase.of("fleet.reason.undoLeft", "Nothing to undo: the run left it {0}.", was.status())
                        : Phrase.of("fleet.reason.undoLeftWhy", "Nothing to undo: the run left it {0} ({1}).", was.status(), was.why()));
            }
            if (engine.journal().plan(was.planId().get()).map(p -> p.status() == Journal.PlanStatus.UNDONE).orElse(false)) {
                return r.with(InstanceStatus.SKIPPED, Phrase.of("fleet.reason.undoneAlready", "Plan {0} was undone already.", was.planId().get()));
            }
            if (engine.journal().entries(was.planId(), Optional.empty()).stream()
                    .noneMatch(e -> e.phase() == Journal.Phase.APPLY && e.outcome() == Journal.Outcome.APPLIED)) {
                return r.with(InstanceStatus.SKIPPED, Phrase.of("fleet.reason.undoNothing",
                        "Nothing to undo: the instance already had every value of the profile."));
            }
            try (Host h = hosts.open(inst)) {
                ApplyResult result = undo.undoPlan(h, was.planId().get(), applyOptions.apply(inst), relay(inst, listener), cancel);
                journal.instancePlanned(undoId, inst.position(), result.planId());
                FleetInstanceResult linked = new FleetInstanceResult(inst, InstanceStatus.PENDING, "",
                        Optional.of(result.planId()), false);
                return linked.with(status(result), result.messagePhrase());
            } catch (TuningLockedException | TuningInputException e) {
                return r.with(InstanceStatus.FAILED, Phrase.from(e));
            } catch (HostException e) {
                return r.with(InstanceStatus.FAILED, Phrase.of("fleet.reason.unreachableUndo", "Cannot reach {0} to undo: {1}", inst.hostName(), said(e)));
            } catch (RuntimeException e) {
                return r.with(InstanceStatus.FAILED, said(e));
            }
        };
        FleetRun done = rollout.rollOut(undoId, instances, policy, 0, new FleetInstanceResult[instances.size()], task, listener, cancel);
        if (continues.isEmpty()) {
            return done;
        }
        // Said on the new run, so that `fleet status` of either run leads to the other.
        journal.runFinished(undoId, done.status(), Phrase.of("fleet.detail.continues", "Continues undo run {0}, which NetTune stopped"
                + " in the middle of. {1}", continues.get(), done.detailPhrase()));
        return journal.run(undoId).orElse(done);
    }

    /**
     * Every earlier undo of {@code applyId} that NetTune stopped in the middle of (UNFINISHED or CANCELLED) is taken
     * over by undo run {@code undoId}, given its id or the apply run's: it reads CONTINUED and names that run, so it
     * no longer reads as left unfinished (nor is offered to be continued again).
     */
    private void markContinued(String applyId, String undoId) {
        for (FleetRun r : journal.runs()) {
            if (r.kind().equals("undo") && r.undoes().equals(Optional.of(applyId)) && !r.id().equals(undoId)
                    && r.status().resumable()) {
                Phrase continued = Phrase.of("fleet.detail.continued", "Continued by undo run {0} (this one was {1}: NetTune stopped it"
                        + " in the middle of putting back run {2}).", undoId, r.status(), applyId);
                journal.runFinished(r.id(), RunStatus.CONTINUED, r.detail().isEmpty() ? continued
                        : Phrase.joined(" ", List.of(continued, r.detailPhrase())));
            }
        }
    }

    // ---- resume -----------------------------------------------------------------------------------

    /**
     * Continues apply run {@code runId} that NetTune stopped in the middle of (UNFINISHED: the process died
     * or left it; CANCELLED: the user stopped it), under its own policy, with {@code profile} (the one the
     * run kept). Instances it finished keep their result and are not touched again (their failures still
     * count against the canary and {@code --max-failures}); one that was IN_FLIGHT is read again and its
     * plan finished or rolled back as the journal and the host say; the rest start as in a new run.
     */
    public FleetRun resume(String runId, Profile profile, FleetListener listener, Cancellation cancel)
            throws InterruptedException {
        return resume(runId, profile, Map.of(), listener, cancel);
    }

    /** As {@link #resume(String, Profile, FleetListener, Cancellation)}; instances not done yet that a preflight found
     * unreachable now ({@code notStarted}: position to why) are SKIPPED with that reason instead of being started. */
    public FleetRun resume(String runId, Profile profile, Map<Integer, Phrase> notStarted, FleetListener listener,
                           Cancellation cancel) throws InterruptedException {
        FleetRun run = journal.run(runId).orElseThrow(() -> noRun(runId));
        if (!run.kind().equals("apply")) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.resume.undoRun", "Run {0} is an {1} run; run `nettune fleet undo"
                    + " {2}` again instead: what it put back already is skipped.", runId, run.kind(), run.undoes().orElse("RUN")));
        }
        if (run.status() == RunStatus.RUNNING) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.resume.running", "Run {0} is still running in another NetTune"
                    + " process; let it end, or stop that process, then resume it.", runId));
        }
        if (!run.status().resumable()) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.resume.ended", "Run {0} ended {1} ({2}): there is nothing to"
                    + " resume. `nettune fleet undo {0}` puts it back; a new `nettune fleet apply` starts again.", runId, run.status(),
                    run.detailPhrase()));
        }
        List<FleetInstance> instances = run.instances().stream().map(FleetInstanceResult::instance).toList();
        int n = instances.size();
        FleetInstanceResult[] known = new FleetInstanceResult[n];
        Map<Integer, FleetInstanceResult> inFlight = new java.util.HashMap<>();
        int canaries = 0;
        for (FleetInstanceResult r : run.instances()) {
            if (r.canary()) {
                canaries++;
            }
            switch (r.status()) {
                case APPLIED, ROLLED_BACK, FAILED -> known[r.instance().position()] = r;
                case IN_FLIGHT -> inFlight.put(r.instance().position(), r);
                // SKIPPED (by the cancel, or by a policy the earlier results decide again now) and PENDING start now.
                default -> { }
            }
        }
        long done = java.util.Arrays.stream(known).filter(java.util.Objects::nonNull).count();
        journal.runResumed(runId, Phrase.of("fleet.detail.resuming", "Resumed: {0} of {1} instances were done, {2} in flight.", done, n,
                inFlight.size()));
        for (Map.Entry<Integer, Phrase> e : notStarted.entrySet()) {
            int i = e.getKey();
            // An instance left in flight is not skipped: its plan may have changed it, so it must be read again.
            if (i >= 0 && i < n && known[i] == null && !inFlight.containsKey(i)) {
                known[i] = FleetInstanceResult.pending(instances.get(i), run.instances().get(i).canary())
                        .with(InstanceStatus.SKIPPED, Phrase.of("fleet.reason.preflight", "Not started: {0} (preflight).", e.getValue()));
                journal.instanceFinished(runId, i, InstanceStatus.SKIPPED, known[i].why());
            }
        }
        Rollout.InstanceTask task = (inst, canary) -> {
            FleetInstanceResult was = inFlight.get(inst.position());
            if (was != null && was.planId().isPresent()) {
                return recover(runId, inst, canary, was.planId().get(), profile, listener, cancel);
            }
            return applyOne(runId, inst, canary, profile, Optional.empty(), listener, cancel);
        };
        return rollout.rollOut(runId, instances, run.policy(), canaries, known, task, listener, cancel);
    }

    /**
     * An instance NetTune stopped in the middle of: its plan's journal and the host decide. A plan that never
     * started (or was refused) changed nothing: the instance is planned and applied afresh. One that ended
     * before NetTune stopped keeps its end (APPLIED only when every value reads back now). One left running
     * is finished when it was going forward (each planned value read again, the missing ones applied and read
     * back); when it was rolling back, or the finish fails, it is reverted.
     */
    private FleetInstanceResult recover(String runId, FleetInstance inst, boolean canary, String planId, Profile profile,
                                        FleetListener listener, Cancellation cancel) throws InterruptedException {
        Journal j = engine.journal();
        Optional<Journal.PlanRecord> rec = j.plan(planId);
        if (rec.isEmpty() || rec.get().status() == Journal.PlanStatus.REFUSED) {
            listener.instanceMessage(inst, Phrase.of("fleet.progress.replan", "plan {0} changed nothing before NetTune stopped: planning it again",
                    planId));
            return applyOne(runId, inst, canary, profile, Optional.empty(), listener, cancel);
        }
        FleetInstanceResult r = new FleetInstanceResult(inst, InstanceStatus.IN_FLIGHT, "", Optional.of(planId), canary);
        Journal.PlanStatus ps = rec.get().status();
        try (Host h = hosts.open(inst)) {
            switch (ps) {
                case APPLIED -> {
                    List<Phrase> off = notAsPlanned(h, planId);
                    return off.isEmpty()
                            ? r.with(InstanceStatus.APPLIED, Phrase.of("fleet.reason.resumeApplied",
                                    "Applied before NetTune stopped; read again on resume: every value as planned."))
                            : r.with(InstanceStatus.FAILED, Phrase.of("fleet.reason.resumeDrifted", "Plan {0} was applied before NetTune"
                                    + " stopped, but now {1}. Nothing was changed on resume; `nettune fleet drift` shows it.", planId,
                                    Phrase.joined("; ", off)));
                }
                case ROLLED_BACK, REVERTED_BY_HOST, UNDONE, PARTLY_UNDONE -> {
                    return r.with(InstanceStatus.ROLLED_BACK, Phrase.of("fleet.reason.resumeEnded", "Plan {0} ended {1} before NetTune stopped: {2}",
                            planId, ps, rec.get().detail()));
                }
                default -> {
                    // RUNNING, ROLLBACK_FAILED, REVERTING_ON_HOST: left in the middle.
                }
            }
            Undo undo = new Undo(engine);
            ApplyOptions options = applyOptions.apply(inst);
            boolean goingBack = ps != Journal.PlanStatus.RUNNING || j.entries(Optional.of(planId), Optional.empty()).stream()
                    .anyMatch(e -> e.phase() != Journal.Phase.APPLY || (e.outcome() != Journal.Outcome.APPLIED
                            && e.outcome() != Journal.Outcome.PENDING));
            Phrase why;
            if (!goingBack) {
                listener.instanceMessage(inst, Phrase.of("fleet.progress.finishing", "plan {0} was left in the middle: reading every planned"
                        + " value to finish it", planId));
                ApplyResult fin = undo.finishUnfinished(h, planId, options, relay(inst, listener), cancel);
                if (fin.applied()) {
                    return r.with(InstanceStatus.APPLIED, Phrase.of("fleet.reason.resumeFinished", "Finished on resume: {0}", fin.messagePhrase()));
                }
                why = Phrase.of("fleet.reason.notFinished", "could not be finished ({0})", fin.messagePhrase());
            } else {
                why = Phrase.of("fleet.reason.wasRollingBack", "was rolling back when NetTune stopped");
            }
            listener.instanceMessage(inst, Phrase.of("fleet.progress.reverting", "plan {0} {1}: reverting it", planId, why));
            ApplyResult back = undo.revertUnfinished(h, planId, options, relay(inst, listener), cancel);
            return back.applied()
                    ? r.with(InstanceStatus.ROLLED_BACK, Phrase.of("fleet.reason.resumeRolledBack", "Plan {0} {1}; rolled back on resume: {2}",
                            planId, why, back.messagePhrase()))
                    : r.with(InstanceStatus.FAILED, Phrase.of("fleet.reason.resumeRevertFailed", "Plan {0} {1}, and reverting it failed: {2}"
                            + " The journal keeps the before values.", planId, why, back.messagePhrase()));
        } catch (TuningLockedException | TuningInputException e) {
            return r.with(InstanceStatus.FAILED, Phrase.from(e));
        } catch (HostException e) {
            return r.with(InstanceStatus.FAILED, Phrase.of("fleet.reason.unreachableResume", "Cannot reach {0} to read plan {1} again: {2}"
                    + " It is left as NetTune stopped it; resume again when it is reachable.", inst.hostName(), planId, said(e)));
        } catch (RuntimeException e) {
            return r.with(InstanceStatus.FAILED, said(e));
        }
    }

    /** Each planned value of {@code planId} that the host does not have now, as {@code title reads value}. */
    private List<Phrase> notAsPlanned(Host h, String planId) throws HostException, InterruptedException {
        List<dev.nettune.tuning.Change> all = engine.journal().plannedSteps(planId).stream()
                .map(Journal.PlannedStep::change).toList();
        List<dev.nettune.linux.Reading<String>> now = Planner.readAll(h, all);
        List<Phrase> off = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            dev.nettune.tuning.Change c = all.get(i);
            dev.nettune.linux.Reading<String> reading = now.get(i);
            if (!reading.isKnown() || !c.satisfies(reading.asOptional().get(), c.desiredGiven(reading.asOptional().get()))) {
                String shown = oneLine(reading.show());
                // Why it could not be read, in the user's language, unless it had to be cut to one line.
                Object value = reading.isKnown() || !shown.equals(reading.show()) ? shown
                        : Phrase.of("fleet.reason.unreadable", "({0})", reading.unknownPhrase().orElseThrow());
                off.add(Phrase.of("fleet.reason.reads", "{0} reads {1}", c.titlePhrase(), value));
            }
        }
        return off;
    }

    /** The engine's per-step events as per-instance fleet events. */
    private static ApplyListener relay(FleetInstance inst, FleetListener listener) {
        return new ApplyListener() {
            @Override
            public void stepStarted(Step step, int total, Journal.Phase phase) {
                listener.instanceStep(inst, step.seq(), total, step.change().titlePhrase(), phase);
            }

            @Override
            public void countdown(Step step, Duration remaining) {
                if (remaining.toSeconds() % 10 == 0) {
                    listener.instanceMessage(inst, Phrase.of("fleet.progress.countdown", "waiting: the instance reverts by itself in {0} s",
                            remaining.toSeconds()));
                }
            }

            @Override
            public void message(String text) {
                listener.instanceMessage(inst, text);
            }

            // The engine says its sentences as phrases: relayed as they are, so each listener says them in its language.
            @Override
            public void message(Phrase text) {
                listener.instanceMessage(inst, text);
            }
        };
    }

    private static FleetInputException noRun(String runId) {
        return new FleetInputException(dev.nettune.Phrase.of("fleet.run.none", "There is no fleet run {0}: `nettune fleet status` lists them.", runId));
    }

    private static void checkPositions(List<FleetInstance> instances) {
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).position() != i) {
                throw new FleetInputException(dev.nettune.Phrase.of("fleet.run.position", "Instance {0} is at position {1} but listed"
                        + " {2}th: positions follow the order given, from 0.", instances.get(i), instances.get(i).position(), i));
            }
        }
        if (instances.isEmpty()) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.run.noTarget", "A fleet run needs at least one target."));
        }
    }

    private static String oneLine(String v) {
        String s = v.replace("\n", "\u23ce ");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** What an error says, as a phrase: an input error's own, else its message (or its type when it has none). */
    private static Phrase said(Exception e) {
        return e instanceof dev.nettune.Phrased p ? p.phrase() : Phrase.literal(message(e));
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
