package dev.nettune.cloud;

/** A cloud value that fails validation: it says what is wrong and what is allowed; no request is sent. */
public class CloudInputException extends dev.nettune.InputException {
    private static final long serialVersionUID = 1L;

    public CloudInputException(String message) {
        super(message);
    }

    /** An error the GUI and the CLI say in the user's language. */
    public CloudInputException(dev.nettune.Phrase phrase) {
        super(phrase);
    }
}
