package dev.nettune.fleet;

/**
 * How one instance of a fleet run ended. APPLIED: every value read back as planned (for an undo run: the
 * undo did). ROLLED_BACK: a step failed or read back wrong and the instance was put back. FAILED: the
 * instance could not be reached, planned or put back, see the reason. SKIPPED: never started (the canary
 * failed, too many failures, cancelled, nothing to undo); untouched. IN_FLIGHT: started and not finished (if
 * NetTune stopped there, resuming the run reads it again to finish or roll it back). PENDING: the run has
 * not reached it yet, or NetTune stopped before it did.
 */
public enum InstanceStatus {
    APPLIED, ROLLED_BACK, FAILED, SKIPPED, IN_FLIGHT, PENDING;

    /** What counts against {@code --max-failures} and the exit code: rolled back or failed. */
    public boolean failure() {
        return this == ROLLED_BACK || this == FAILED;
    }
}
