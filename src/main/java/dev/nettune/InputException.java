package dev.nettune;

/**
 * Input a domain value or factory refuses: the message says what is wrong and what is allowed, and carries it as a
 * {@link Phrase} so that the GUI and the CLI show it in the user's language. Nothing is sent anywhere.
 */
public class InputException extends IllegalArgumentException implements Phrased {
    private static final long serialVersionUID = 1L;

    private final transient Phrase phrase;

    /** An error whose text has no translation yet (said in English in every language). */
    public InputException(String message) {
        this(Phrase.literal(message));
    }

    public InputException(Phrase phrase) {
        super(phrase.toString());
        this.phrase = phrase;
    }

    /** The error as a phrase (key, arguments, English). */
    @Override
    public Phrase phrase() {
        return phrase == null ? Phrase.literal(getMessage()) : phrase;
    }
}
