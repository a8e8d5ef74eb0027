package dev.nettune.tuning;

/** A flag the user sets to stop a plan; the engine checks it between steps and rolls back what was done. */
public final class Cancellation {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
