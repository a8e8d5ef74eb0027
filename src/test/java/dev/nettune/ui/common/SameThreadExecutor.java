package dev.nettune.ui.common;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** An executor service that runs each task on the calling thread, at once: view-model tests see results immediately. */
public final class SameThreadExecutor extends AbstractExecutorService {
    private volatile boolean shut;

    @Override
    public void execute(Runnable command) {
        if (shut) {
            throw new RejectedExecutionException("The executor was shut down.");
        }
        command.run();
    }

    @Override
    public void shutdown() {
        shut = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shut = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shut;
    }

    @Override
    public boolean isTerminated() {
        return shut;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
