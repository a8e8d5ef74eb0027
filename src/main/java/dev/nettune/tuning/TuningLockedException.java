package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.Phrased;

/** Another run holds the host's tuning lock; the message names who and since when. Nothing was changed. */
public class TuningLockedException extends RuntimeException implements Phrased {
    private static final long serialVersionUID = 1L;

    private final transient Phrase phrase;

    public TuningLockedException(String message) {
        this(Phrase.literal(message));
    }

    /** A refusal the GUI and the CLI say in the user's language. */
    public TuningLockedException(Phrase phrase) {
        super(phrase.toString());
        this.phrase = phrase;
    }

    @Override
    public Phrase phrase() {
        return phrase != null ? phrase : Phrase.literal(getMessage() == null ? getClass().getSimpleName() : getMessage());
    }
}
