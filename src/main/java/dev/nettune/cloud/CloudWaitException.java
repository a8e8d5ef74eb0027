package dev.nettune.cloud;

import dev.nettune.Phrase;

/** An asynchronous state was not reached in time, or the wait was cancelled; it says why as a phrase. */
public class CloudWaitException extends RuntimeException implements dev.nettune.Phrased {
    private static final long serialVersionUID = 1L;

    private final transient Phrase phrase;

    public CloudWaitException(String message) {
        this(Phrase.literal(message));
    }

    public CloudWaitException(Phrase phrase) {
        super(phrase.toString());
        this.phrase = phrase;
    }

    /** Why, in the user's language. */
    @Override
    public Phrase phrase() {
        return phrase == null ? Phrase.literal(getMessage()) : phrase;
    }
}
