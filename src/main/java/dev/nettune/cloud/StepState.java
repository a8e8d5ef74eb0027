package dev.nettune.cloud;

/** Where a journaled plan step stands. RUNNING after a crash means "may have half-happened": resume re-checks. */
public enum StepState {
    PENDING, RUNNING, DONE, FAILED, UNDONE, UNDO_FAILED
}
