package dev.nettune.ui.cloud;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs cloud API work off the FX thread and hands results back on the {@code ui} executor
 * ({@code Platform::runLater} on screen, a direct executor in view-model tests). A task is cancelled
 * by interrupting it: retries and waits stop at the next sleep.
 */
public final class CloudTasks {
    private static final ExecutorService SHARED = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cloud-work");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService worker;
    private final java.util.concurrent.Executor ui;

    public CloudTasks(ExecutorService worker, java.util.concurrent.Executor ui) {
        this.worker = worker;
        this.ui = ui;
    }

    /** The application's tasks: shared daemon threads, results on the FX thread. */
    public static CloudTasks onFxThread() {
        return new CloudTasks(SHARED, javafx.application.Platform::runLater);
    }

    /** A running task: cancel() interrupts it; its callbacks then never run. */
    public interface Handle {
        void cancel();
    }

    public <T> Handle submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> f = worker.submit(() -> {
            try {
                T result = work.call();
                if (!cancelled.get()) {
                    ui.execute(() -> onResult.accept(result));
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

    /** Posts a message to the UI executor (progress lines from worker threads). */
    public void toUi(Runnable r) {
        ui.execute(r);
    }
}
