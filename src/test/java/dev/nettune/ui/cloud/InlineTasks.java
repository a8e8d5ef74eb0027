package dev.nettune.ui.cloud;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs cloud tasks on the calling thread, so view-model tests see results at once without a toolkit. */
public final class InlineTasks {
    private InlineTasks() {
    }

    public static CloudTasks create() {
        return new CloudTasks(new AbstractExecutorService() {
            private volatile boolean shut;

            @Override
            public void execute(Runnable command) {
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
        }, Runnable::run);
    }
}
