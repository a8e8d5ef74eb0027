package dev.nettune.store;

import dev.nettune.Phrase;
import dev.nettune.Phrased;

/** The local database could not be read or written; {@link #phrase()} says so in the user's language. */
public class StoreException extends RuntimeException implements Phrased {
    private static final long serialVersionUID = 1L;

    // Null for a message with no translation: it is then said as is in every language.
    private final transient Phrase phrase;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.phrase = null;
    }

    /** A failure the GUI and the CLI say in the user's language (the database's own reason quoted as it came). */
    public StoreException(Phrase phrase, Throwable cause) {
        super(phrase.toString(), cause);
        this.phrase = phrase;
    }

    @Override
    public Phrase phrase() {
        return phrase != null ? phrase : Phrase.literal(getMessage() == null ? getClass().getSimpleName() : getMessage());
    }
}
