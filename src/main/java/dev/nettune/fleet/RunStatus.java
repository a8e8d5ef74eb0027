package dev.nettune.fleet;

/**
 * Where a fleet run stands. SUCCEEDED: every instance applied. FAILED: every instance was tried and some
 * failed. STOPPED: the canary failed or failures passed {@code --max-failures}, so some were skipped.
 * CANCELLED: the user stopped it. RUNNING: in progress, or NetTune stopped in the middle of it.
 */
public enum RunStatus { RUNNING, SUCCEEDED, FAILED, STOPPED, CANCELLED }
