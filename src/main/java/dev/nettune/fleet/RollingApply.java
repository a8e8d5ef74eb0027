package dev.nettune.fleet;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A profile rolled out over many instances with the same plan reader, steps, read-back, rollback and
 * journal that {@code tune apply} uses on one ({@link Planner}, {@link TuningEngine}, {@link Undo}):
 * the canary first, then the rest at most {@code parallel} at a time in the order given; when more than
 * {@code maxFailures} instances failed no new one starts. Each instance's plan is journaled as usual and
 * linked to one fleet run, so the run can be reported and undone by its id alone.
 */
public final class RollingApply {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** Makes a task for one instance: what it does once its host is open. */
    @FunctionalInterface
    private interface InstanceTask {
        FleetInstanceResult run(FleetInstance instance, boolean canary) throws InterruptedException;
    }

    private final TuningEngine engine;
    private final FleetJournal journal;
    private final FleetHosts hosts;
    private final Function<FleetInstance, ApplyOptions> applyOptions;

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
                threads("fleet-preview"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < instances.size(); i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    FleetInstance inst = instances.get(k);
                    InstancePreview p;
                    if (cancel.isCancelled()) {
                        p = InstancePreview.unreadable(inst, "cancelled before it was read");
                    } else {
                        p = readOne(inst, profile, hosts);
                    }
                    out[k] = p;
                    each.accept(p);
                    return null;
                }));
            }
            awaitAll(futures);
        } finally {
            pool.shutdownNow();
        }
        return List.of(out);
    }

    private static InstancePreview readOne(FleetInstance inst, Profile profile, FleetHosts hosts) throws InterruptedException {
        try (Host h = hosts.open(inst)) {
            return InstancePreview.of(inst, new Planner().plan(h, profile));
        } catch (HostException | RuntimeException e) {
            return InstancePreview.unreadable(inst, message(e));
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
        checkPositions(instances);
        String runId = newRunId();
        int canaries = Math.min(policy.canary(), instances.size());
        journal.runStarted(runId, "apply", profileName, Optional.empty(), policy, instances, canaries);
        InstanceTask task = (inst, canary) -> applyOne(runId, inst, canary, profile,
                Optional.ofNullable(previewed.get(inst.position())), listener, cancel);
        return rollOut(runId, instances, policy, canaries, task, listener, cancel);
    }

    private FleetInstanceResult applyOne(String runId, FleetInstance inst, boolean canary, Profile profile,
                                         Optional<Plan> previewed, FleetListener listener, Cancellation cancel)
            throws InterruptedException {
        FleetInstanceResult r = FleetInstanceResult.pending(inst, canary);
        try (Host h = hosts.open(inst)) {
            Plan plan = previewed.isPresent() ? previewed.get() : new Planner().plan(h, profile);
            if (!plan.applicable()) {
                return r.with(InstanceStatus.FAILED, "The plan cannot be applied: " + String.join(" ", plan.problems())
                        + " Nothing was changed.");
            }
            journal.instancePlanned(runId, inst.position(), plan.id());
            r = new FleetInstanceResult(inst, InstanceStatus.PENDING, "", Optional.of(plan.id()), canary);
            ApplyResult result = engine.apply(h, plan, applyOptions.apply(inst), relay(inst, listener), cancel);
            return r.with(status(result), result.message());
        } catch (TuningLockedException | TuningInputException e) {
            return r.with(InstanceStatus.FAILED, e.getMessage());
        } catch (HostException e) {
            return r.with(InstanceStatus.FAILED, "Cannot reach or read " + inst.hostName() + ": " + e.getMessage()
                    + (r.planId().isEmpty() ? " Nothing was changed." : ""));
        } catch (RuntimeException e) {
            return r.with(InstanceStatus.FAILED, message(e));
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
        FleetRun original = journal.run(runId).orElseThrow(() -> new FleetInputException(
                "There is no fleet run " + runId + ": `nettune fleet status` lists them."));
        if (!original.kind().equals("apply")) {
            throw new FleetInputException("Run " + runId + " is an " + original.kind() + " run; undo the apply run it put back.");
        }
        List<FleetInstance> instances = original.instances().stream().map(FleetInstanceResult::instance).toList();
        Map<Integer, FleetInstanceResult> before = new java.util.HashMap<>();
        original.instances().forEach(r -> before.put(r.instance().position(), r));
        String undoId = newRunId();
        RolloutPolicy policy = RolloutPolicy.everyInstance(parallel);
        journal.runStarted(undoId, "undo", original.profile(), Optional.of(runId), policy, instances, 0);
        Undo undo = new Undo(engine);
        InstanceTask task = (inst, canary) -> {
            FleetInstanceResult was = before.get(inst.position());
            FleetInstanceResult r = FleetInstanceResult.pending(inst, false);
            if (was.planId().isEmpty() || was.status() != InstanceStatus.APPLIED) {
                return r.with(InstanceStatus.SKIPPED, "Nothing to undo: the run left it " + was.status()
                        + (was.reason().isEmpty() ? "." : " (" + was.reason() + ")."));
            }
            if (engine.journal().plan(was.planId().get()).map(p -> p.status() == Journal.PlanStatus.UNDONE).orElse(false)) {
                return r.with(InstanceStatus.SKIPPED, "Plan " + was.planId().get() + " was undone already.");
            }
            if (engine.journal().entries(was.planId(), Optional.empty()).stream()
                    .noneMatch(e -> e.phase() == Journal.Phase.APPLY && e.outcome() == Journal.Outcome.APPLIED)) {
                return r.with(InstanceStatus.SKIPPED, "Nothing to undo: the instance already had every value of the profile.");
            }
            try (Host h = hosts.open(inst)) {
                ApplyResult result = undo.undoPlan(h, was.planId().get(), applyOptions.apply(inst), relay(inst, listener), cancel);
                journal.instancePlanned(undoId, inst.position(), result.planId());
                FleetInstanceResult linked = new FleetInstanceResult(inst, InstanceStatus.PENDING, "",
                        Optional.of(result.planId()), false);
                return linked.with(status(result), result.message());
            } catch (TuningLockedException | TuningInputException e) {
                return r.with(InstanceStatus.FAILED, e.getMessage());
            } catch (HostException e) {
                return r.with(InstanceStatus.FAILED, "Cannot reach " + inst.hostName() + " to undo: " + e.getMessage());
            } catch (RuntimeException e) {
                return r.with(InstanceStatus.FAILED, message(e));
            }
        };
        return rollOut(undoId, instances, policy, 0, task, listener, cancel);
    }

    // ---- the rollout --------------------------------------------------------------------------------

    private FleetRun rollOut(String runId, List<FleetInstance> instances, RolloutPolicy policy, int canaries,
                             InstanceTask task, FleetListener listener, Cancellation cancel) throws InterruptedException {
        listener.runStarted(runId, instances);
        int n = instances.size();
        FleetInstanceResult[] results = new FleetInstanceResult[n];
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> stop = new AtomicReference<>();
        boolean cancelled = false;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(policy.parallel(), n)), threads("fleet-" + runId));
        Semaphore slots = new Semaphore(policy.parallel());
        List<Future<?>> inFlight = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                final int idx = i;
                FleetInstance inst = instances.get(i);
                boolean canary = i < canaries;
                if (i == canaries && canaries > 0) {
                    awaitAll(inFlight);
                    for (int c = 0; c < canaries; c++) {
                        if (results[c].status().failure()) {
                            stop.compareAndSet(null, "the canary " + instances.get(c).hostName() + " failed ("
                                    + results[c].status() + ")");
                        }
                    }
                }
                if (stop.get() == null && !cancel.isCancelled()) {
                    slots.acquire();
                }
                String why = stop.get();
                if (why != null || cancel.isCancelled()) {
                    slots.release();
                    results[i] = skip(runId, inst, canary, cancel.isCancelled() ? "Not started: the run was cancelled."
                            : "Not started: " + why + ".", listener);
                    continue;
                }
                listener.instanceStarted(inst, canary);
                inFlight.add(pool.submit(() -> {
                    try {
                        FleetInstanceResult r;
                        try {
                            r = task.run(inst, canary);
                        } catch (InterruptedException e) {
                            r = FleetInstanceResult.pending(inst, canary).with(InstanceStatus.FAILED, "Interrupted.");
                        }
                        results[idx] = r;
                        journal.instanceFinished(runId, inst.position(), r.status(), r.reason());
                        if (r.status().failure() && failures.incrementAndGet() > policy.maxFailures()) {
                            stop.compareAndSet(null, failures.get() + (failures.get() == 1 ? " instance" : " instances")
                                    + " failed, more than --max-failures " + policy.maxFailures() + " allows");
                        }
                        listener.instanceFinished(r);
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
            awaitAll(inFlight);
        } catch (InterruptedException e) {
            cancel.cancel();
            cancelled = true;
            awaitQuietly(inFlight);
        } finally {
            pool.shutdownNow();
        }
        cancelled |= cancel.isCancelled();
        for (int i = 0; i < n; i++) {
            if (results[i] == null) {
                results[i] = skip(runId, instances.get(i), i < canaries, "Not started: the run was cancelled.", listener);
            }
        }
        List<FleetInstanceResult> all = List.of(results);
        long failed = all.stream().filter(r -> r.status().failure()).count();
        long skipped = all.stream().filter(r -> r.status() == InstanceStatus.SKIPPED).count();
        RunStatus status;
        String detail;
        if (cancelled) {
            status = RunStatus.CANCELLED;
            detail = "Cancelled.";
        } else if (stop.get() != null && skipped > 0) {
            status = RunStatus.STOPPED;
            detail = "Stopped: " + stop.get() + ".";
        } else if (failed > 0) {
            status = RunStatus.FAILED;
            detail = failed + " of " + n + " instances failed.";
        } else if (skipped > 0 && skipped == n) {
            status = RunStatus.SUCCEEDED;
            detail = "Nothing to do on any instance.";
        } else {
            status = RunStatus.SUCCEEDED;
            detail = "Every instance done and read back.";
        }
        journal.runFinished(runId, status, detail);
        FleetRun run = journal.run(runId).orElseThrow();
        listener.runFinished(run);
        return run;
    }

    private FleetInstanceResult skip(String runId, FleetInstance inst, boolean canary, String why, FleetListener listener) {
        FleetInstanceResult r = FleetInstanceResult.pending(inst, canary).with(InstanceStatus.SKIPPED, why);
        journal.instanceFinished(runId, inst.position(), r.status(), r.reason());
        listener.instanceFinished(r);
        return r;
    }

    /** The engine's per-step events as per-instance fleet events. */
    private static ApplyListener relay(FleetInstance inst, FleetListener listener) {
        return new ApplyListener() {
            @Override
            public void stepStarted(Step step, int total, Journal.Phase phase) {
                listener.instanceStep(inst, step.seq(), total, step.change().title(), phase);
            }

            @Override
            public void countdown(Step step, Duration remaining) {
                if (remaining.toSeconds() % 10 == 0) {
                    listener.instanceMessage(inst, "waiting: the instance reverts by itself in " + remaining.toSeconds() + " s");
                }
            }

            @Override
            public void message(String text) {
                listener.instanceMessage(inst, text);
            }
        };
    }

    private static void checkPositions(List<FleetInstance> instances) {
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).position() != i) {
                throw new FleetInputException("Instance " + instances.get(i) + " is at position " + instances.get(i).position()
                        + " but listed " + i + "th: positions follow the order given, from 0.");
            }
        }
        if (instances.isEmpty()) {
            throw new FleetInputException("A fleet run needs at least one target.");
        }
    }

    private static void awaitAll(List<Future<?>> futures) throws InterruptedException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                if (c instanceof Error er) {
                    throw er;
                }
                throw new IllegalStateException(c);
            }
        }
    }

    private static void awaitQuietly(List<Future<?>> futures) {
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
