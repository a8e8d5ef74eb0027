package dev.nettune.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs one long job at a time off the UI thread (get one from {@link TaskRunner#newWork()}): progress,
 * status and the result come back through the runner's UI executor. Starting a new
 * job cancels the running one; a cancelled or superseded job's result is dropped.
 */
public final class BackgroundWork {
    /** Progress value while the size of the work is unknown (a ProgressBar shows it as busy). */
    public static final double INDETERMINATE = -1;

    /** What a job can tell and ask while it runs. */
    public interface Reporter {
        /** {@code done} of {@code total} units finished; false once the job has been cancelled. */
        boolean progress(long done, long total);

        boolean cancelled();
    }

    /** The work itself; throws {@link CancellationException} (or returns anything) once cancelled. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Reporter reporter) throws Exception;
    }

    private final Executor worker;
    private final Executor ui;

    private final AtomicLong generation = new AtomicLong();
    private volatile AtomicBoolean currentCancel = new AtomicBoolean();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    /** A slot running on {@code runner}'s workers, reporting on its UI executor. */
    public BackgroundWork(TaskRunner runner) {
        this.worker = runner.workers();
        this.ui = runner.ui();
    }

    /**
     * Starts {@code job} (cancelling the one running). {@code onResult} and {@code done} (the status
     * text for the result) run on the UI executor, only if this job is still the current one.
     */
    public <T> void start(String what, Job<T> job, Consumer<T> onResult, java.util.function.Function<T, String> done) {
        currentCancel.set(true);
        AtomicBoolean cancel = new AtomicBoolean();
        currentCancel = cancel;
        long id = generation.incrementAndGet();
        running.set(true);
        failed.set(false);
        progress.set(INDETERMINATE);
        status.set(what + "\u2026");
        AtomicBoolean progressPending = new AtomicBoolean();
        AtomicLong latestDone = new AtomicLong();
        AtomicLong latestTotal = new AtomicLong();
        Reporter reporter = new Reporter() {
            @Override
            public boolean progress(long d, long total) {
                latestDone.set(d);
                latestTotal.set(total);
                // Coalesce: at most one progress update waits on the UI thread at any time.
                if (progressPending.compareAndSet(false, true)) {
                    ui.execute(() -> {
                        progressPending.set(false);
                        if (generation.get() == id && running.get()) {
                            long t = latestTotal.get();
                            progress.set(t <= 0 ? INDETERMINATE : Math.min(1.0, latestDone.get() / (double) t));
                        }
                    });
                }
                return !cancel.get();
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }
        };
        worker.execute(() -> {
            T result;
            try {
                result = job.run(reporter);
            } catch (CancellationException e) {
                finish(id, () -> status.set(Messages.get("common.cancelled")), false);
                return;
            } catch (IllegalArgumentException e) {
                // Bad input found by the domain: its message says what is wrong and what is allowed.
                finish(id, () -> status.set(Messages.problem(e)), true);
                return;
            } catch (Exception | Error e) {
                finish(id, () -> status.set(Messages.format("common.failed", Messages.problem(e))), true);
                return;
            }
            if (cancel.get()) {
                finish(id, () -> status.set(Messages.get("common.cancelled")), false);
                return;
            }
            finish(id, () -> {
                onResult.accept(result);
                status.set(done.apply(result));
            }, false);
        });
    }

    private void finish(long id, Runnable action, boolean isFailure) {
        ui.execute(() -> {
            if (generation.get() != id) {
                return;
            }
            running.set(false);
            progress.set(isFailure ? 0 : 1);
            failed.set(isFailure);
            action.run();
        });
    }

    /** Asks the running job to stop; its result, if it still comes, is dropped. */
    public void cancel() {
        if (running.get()) {
            currentCancel.set(true);
            generation.incrementAndGet();
            running.set(false);
            progress.set(0);
            status.set(Messages.get("common.cancelled"));
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the last job ended in an error (its message is the status). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
