package dev.nettune.host;

import dev.nettune.Phrase;
import dev.nettune.Phrased;

/** A host could not be reached or could not run what was asked; the message is for the user. */
public class HostException extends Exception implements Phrased {
    private static final long serialVersionUID = 1L;

    // Null for a message with no translation (a host's own text): it is then said as is in every language.
    private final transient Phrase phrase;

    public HostException(String message) {
        super(message);
        this.phrase = null;
    }

    public HostException(String message, Throwable cause) {
        super(message, cause);
        this.phrase = null;
    }

    /** A failure the GUI and the CLI say in the user's language. */
    public HostException(Phrase phrase) {
        super(phrase.toString());
        this.phrase = phrase;
    }

    public HostException(Phrase phrase, Throwable cause) {
        super(phrase.toString(), cause);
        this.phrase = phrase;
    }

    @Override
    public Phrase phrase() {
        return phrase != null ? phrase : Phrase.literal(getMessage() == null ? getClass().getSimpleName() : getMessage());
    }
}
