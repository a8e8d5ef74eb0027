package dev.nettune.rss;

/** Bad input to the RSS engine; the message says what is wrong and what is allowed. */
public class RssInputException extends dev.nettune.InputException {
    private static final long serialVersionUID = 1L;

    public RssInputException(String message) {
        super(message);
    }

    /** An error the GUI and the CLI say in the user's language. */
    public RssInputException(dev.nettune.Phrase phrase) {
        super(phrase);
    }
}
