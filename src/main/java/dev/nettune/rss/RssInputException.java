package dev.nettune.rss;

/** Bad input to the RSS engine; the message says what is wrong and what is allowed. */
public class RssInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RssInputException(String message) {
        super(message);
    }
}
