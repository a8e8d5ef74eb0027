package dev.nettune.tuning;

/** Another run holds the host's tuning lock; the message names who and since when. Nothing was changed. */
public class TuningLockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TuningLockedException(String message) {
        super(message);
    }
}
