package dev.nettune.ui.common;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.application.Platform;

/**
 * The one way the UI runs work off the FX thread: blocking work (SSH, SQLite, files, cloud calls) on
 * {@link #workers()}, periodic work on {@link #scheduler()}, results and property changes on {@link #ui()},
 * time from {@link #clock()}.
 *
 * <p>On screen every view uses {@link #application()}: shared daemon pools, {@code Platform::runLater},
 * the wall clock; {@code NetTuneApp.stop()} calls {@link #closeApplication()}, which shuts the pools down.
 * In view-model tests build one with {@code TestTasks.sameThread()} (work and callbacks run on the
 * calling thread, schedules wait on a steppable scheduler whose clock only moves when the test says so).
 *
 * <p>Fire-and-forget work with a result: {@link #submit}. One long job at a time with progress, status
 * and Cancel (the analysis panels): {@link #newWork()}. Periodic work: {@link #every}.
 */
public final class TaskRunner implements AutoCloseable {
    private static TaskRunner application;

    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final Executor ui;
    private final LongSupplier clock;

    /** A runner over these executors; {@link #close()} shuts {@code workers} and {@code scheduler} down. */
    public TaskRunner(ExecutorService workers, ScheduledExecutorService scheduler, Executor ui, LongSupplier clock) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The application's runner (created on first use): daemon pools, results on the FX thread. */
    public static synchronized TaskRunner application() {
        if (application == null) {
            application = new TaskRunner(Executors.newCachedThreadPool(daemon("nettune-work")),
                    Executors.newScheduledThreadPool(2, daemon("nettune-timer")), Platform::runLater, System::currentTimeMillis);
        }
        return application;
    }

    /** Shuts the application's pools down (on exit); a later {@link #application()} builds new ones. */
    public static synchronized void closeApplication() {
        if (application != null) {
            application.close();
            application = null;
        }
    }

    /** A started piece of work or schedule: {@link #cancel()} interrupts it and its callbacks never run. */
    public interface Handle {
        /** Stops the work (interrupting it) and drops its result; harmless when it already ended. */
        void cancel();

        /** A handle with nothing to cancel. */
        static Handle none() {
            return () -> { };
        }
    }

    /**
     * Runs {@code work} on a worker; {@code onResult} or {@code onError} then run on the UI executor,
     * unless the handle was cancelled first. A {@link CancellationException} from the work is silent.
     */
    public <T> Handle submit(Callable<T> work, Consumer<? super T> onResult, Consumer<? super Throwable> onError) {
        Objects.requireNonNull(onResult, "onResult");
        Objects.requireNonNull(onError, "onError");
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> f = workers.submit(() -> {
            try {
                T result = work.call();
                if (!cancelled.get()) {
                    ui.execute(() -> {
                        if (!cancelled.get()) {
                            onResult.accept(result);
                        }
                    });
                }
            } catch (Throwable e) {
                if (!cancelled.get() && !(e instanceof CancellationException)) {
                    ui.execute(() -> onError.accept(e));
                }
            }
        });
        return () -> {
            cancelled.set(true);
            f.cancel(true);
        };
    }

    /** Runs {@code tick} on the scheduler every {@code period} (first after one period) until cancelled. */
    public Handle every(Duration period, Runnable tick) {
        long ms = Math.max(1, period.toMillis());
        Future<?> f = scheduler.scheduleWithFixedDelay(tick, ms, ms, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    /** Runs {@code r} on the UI executor (the FX thread on screen). */
    public void toUi(Runnable r) {
        ui.execute(r);
    }

    /** A fresh one-job-at-a-time slot with progress, status and cancel, running on this runner. */
    public BackgroundWork newWork() {
        return new BackgroundWork(this);
    }

    /** Where blocking work runs. */
    public ExecutorService workers() {
        return workers;
    }

    /** Where timed work runs; domain classes that schedule (the monitor's sampler) take this one. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Where results and property changes go: the FX thread on screen. */
    public Executor ui() {
        return ui;
    }

    /** Milliseconds since the epoch: the wall clock on screen, a steppable one in tests. */
    public LongSupplier clock() {
        return clock;
    }

    /** Stops the pools; running work is interrupted. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            // Daemons: a stuck SSH read never keeps the application from exiting.
            t.setDaemon(true);
            return t;
        };
    }
}
