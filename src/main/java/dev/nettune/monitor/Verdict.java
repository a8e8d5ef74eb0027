package dev.nettune.monitor;

/** The outcome of a check against what the table predicts. */
public enum Verdict {
    /** The NIC does what the key and table say. */
    PASS,
    /** It does not; the explanation says how. */
    FAIL,
    /** Too little traffic (or unknown counters) to tell. */
    INCONCLUSIVE,
    /** The test could not run: the sender or a host failed, or it timed out. */
    NOT_RUN
}
