package dev.nettune.fleet;

import dev.nettune.Phrase;

import dev.nettune.tuning.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The batch scheduling of a fleet run, whatever each instance's task is (apply, undo, resume): the canaries
 * first, then the rest at most {@code parallel} at a time in the order given, no new instance once more than
 * {@code maxFailures} failed, each start and end journaled, and the run's status and detail from the results.
 */
final class Rollout {
    /** Makes a task for one instance: what it does once its host is open. */
    @FunctionalInterface
    interface InstanceTask {
        FleetInstanceResult run(FleetInstance instance, boolean canary) throws InterruptedException;
    }

    private final FleetJournal journal;

    Rollout(FleetJournal journal) {
        this.journal = journal;
    }

    /**
     * Runs {@code task} on each instance whose {@code known} result is null, under {@code policy}; known results
     * (a resumed run's finished instances) are kept as they are and count toward the canary and the threshold.
     * If a worker fails unexpectedly no new instance starts and the run is left UNFINISHED (as if NetTune had
     * died there), never marked finished.
     */
    FleetRun rollOut(String runId, List<FleetInstance> instances, RolloutPolicy policy, int canaries,
                             FleetInstanceResult[] known, InstanceTask task, FleetListener listener, Cancellation cancel)
            throws InterruptedException {
        boolean ended = false;
        try {
            FleetRun run = rollOutJournaled(runId, instances, policy, canaries, known, task, listener, cancel);
            ended = true;
            return run;
        } finally {
            if (!ended) {
                journal.runLeft(runId);
            }
        }
    }

    private FleetRun rollOutJournaled(String runId, List<FleetInstance> instances, RolloutPolicy policy, int canaries,
                                      FleetInstanceResult[] known, InstanceTask task, FleetListener listener,
                                      Cancellation cancel) throws InterruptedException {
        listener.runStarted(runId, instances);
        int n = instances.size();
        FleetInstanceResult[] results = new FleetInstanceResult[n];
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Phrase> stop = new AtomicReference<>();
        AtomicReference<Throwable> crash = new AtomicReference<>();
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
                            stop.compareAndSet(null, Phrase.of("fleet.stop.canary", "the canary {0} failed ({1})",
                                    instances.get(c).hostName(), results[c].status()));
                        }
                    }
                }
                if (known[i] != null) {
                    results[i] = known[i];
                    if (known[i].status().failure() && failures.incrementAndGet() > policy.maxFailures()) {
                        stop.compareAndSet(null, tooMany(failures.get(), policy));
                    }
                    continue;
                }
                if (stop.get() == null && !cancel.isCancelled()) {
                    slots.acquire();
                }
                if (crash.get() != null) {
                    break;
                }
                Phrase why = stop.get();
                if (why != null || cancel.isCancelled()) {
                    slots.release();
                    results[i] = skip(runId, inst, canary, cancel.isCancelled() ? CANCELLED
                            : Phrase.of("fleet.reason.notStarted", "Not started: {0}.", why), listener);
                    continue;
                }
                journal.instanceStarted(runId, inst.position());
                listener.instanceStarted(inst, canary);
                inFlight.add(pool.submit(() -> {
                    try {
                        FleetInstanceResult r;
                        try {
                            r = task.run(inst, canary);
                        } catch (InterruptedException e) {
                            r = FleetInstanceResult.pending(inst, canary).with(InstanceStatus.FAILED,
                                    Phrase.of("fleet.reason.interrupted", "Interrupted."));
                        }
                        results[idx] = r;
                        journal.instanceFinished(runId, inst.position(), r.status(), r.why());
                        if (r.status().failure() && failures.incrementAndGet() > policy.maxFailures()) {
                            stop.compareAndSet(null, tooMany(failures.get(), policy));
                        }
                        listener.instanceFinished(r);
                    } catch (RuntimeException | Error e) {
                        // Unexpected (the journal could not be written, a bug): the instance stays IN_FLIGHT and
                        // the run stops here, unfinished, to be resumed; never reported as finished.
                        crash.compareAndSet(null, e);
                        throw e;
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
        Throwable died = crash.get();
        if (died instanceof RuntimeException re) {
            throw re;
        }
        if (died instanceof Error er) {
            throw er;
        }
        cancelled |= cancel.isCancelled();
        for (int i = 0; i < n; i++) {
            if (results[i] == null) {
                results[i] = skip(runId, instances.get(i), i < canaries, CANCELLED, listener);
            }
        }
        List<FleetInstanceResult> all = List.of(results);
        long failed = all.stream().filter(r -> r.status().failure()).count();
        long skipped = all.stream().filter(r -> r.status() == InstanceStatus.SKIPPED).count();
        long unreachable = java.util.Arrays.stream(known).filter(r -> r != null && r.status() == InstanceStatus.SKIPPED).count();
        RunStatus status;
        Phrase detail;
        if (cancelled) {
            status = RunStatus.CANCELLED;
            detail = Phrase.of("fleet.detail.cancelled", "Cancelled.");
        } else if (stop.get() != null && skipped > unreachable) {
            status = RunStatus.STOPPED;
            detail = Phrase.of("fleet.detail.stopped", "Stopped: {0}.", stop.get());
        } else if (failed > 0 || unreachable > 0) {
            // Not every instance has the profile: an instance the preflight skipped is as much a miss as a failed one.
            status = RunStatus.FAILED;
            Phrase failedOnes = Phrase.of("fleet.detail.failed", "{0} of {1} instances failed.", failed, n);
            Phrase unreachableOnes = Phrase.of("fleet.detail.unreachable", "{0} of {1} not started: unreachable before the run"
                    + " (preflight).", unreachable, n);
            detail = failed > 0 && unreachable > 0 ? Phrase.joined(" ", List.of(failedOnes, unreachableOnes))
                    : failed > 0 ? failedOnes : unreachableOnes;
        } else if (skipped > 0 && skipped == n) {
            status = RunStatus.SUCCEEDED;
            detail = Phrase.of("fleet.detail.nothingToDo", "Nothing to do on any instance.");
        } else {
            status = RunStatus.SUCCEEDED;
            detail = Phrase.of("fleet.detail.done", "Every instance done and read back.");
        }
        long before = java.util.Arrays.stream(known).filter(r -> r != null && r.status() != InstanceStatus.SKIPPED).count();
        if (before > 0) {
            detail = Phrase.of("fleet.detail.resumed", "{0} (Resumed: {1} of {2} were done before.)", detail, before, n);
        }
        journal.runFinished(runId, status, detail);
        FleetRun run = journal.run(runId).orElseThrow();
        listener.runFinished(run);
        return run;
    }

    private static final Phrase CANCELLED = Phrase.of("fleet.reason.cancelled", "Not started: the run was cancelled.");

    /** Why a run stops starting instances: more failed than {@code --max-failures} allows. */
    private static Phrase tooMany(int failed, RolloutPolicy policy) {
        return failed == 1 ? Phrase.of("fleet.stop.tooManyOne", "1 instance failed, more than --max-failures {0} allows", policy.maxFailures())
                : Phrase.of("fleet.stop.tooMany", "{0} instances failed, more than --max-failures {1} allows", failed, policy.maxFailures());
    }

    private FleetInstanceResult skip(String runId, FleetInstance inst, boolean canary, Phrase why, FleetListener listener) {
        FleetInstanceResult r = FleetInstanceResult.pending(inst, canary).with(InstanceStatus.SKIPPED, why);
        journal.instanceFinished(runId, inst.position(), r.status(), r.why());
        listener.instanceFinished(r);
        return r;
    }

    static void awaitAll(List<Future<?>> futures) throws InterruptedException {
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

    static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
