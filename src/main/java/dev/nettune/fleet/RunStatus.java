package dev.nettune.fleet;

/**
 * Where a fleet run stands. SUCCEEDED: every instance applied. FAILED: every instance was tried and some
 * failed. STOPPED: the canary failed or failures passed {@code --max-failures}, so some were skipped.
 * CANCELLED: the user stopped it. RUNNING: in progress in a NetTune process that is still alive.
 * UNFINISHED: the process running it died or left it in the middle (it is never read as finished);
 * {@code nettune fleet apply --resume RUN} continues it from the journal. CONTINUED: an undo run that NetTune
 * stopped in the middle of (it read UNFINISHED or CANCELLED) and that a later undo of the same apply run took
 * over; its detail names that run, whose result is the one that counts.
 */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED, STOPPED, CANCELLED, UNFINISHED, CONTINUED;

    /** Whether {@code fleet apply --resume} may continue a run in this state (it stopped before every instance was done). */
    public boolean resumable() {
        return this == UNFINISHED || this == CANCELLED;
    }
}
