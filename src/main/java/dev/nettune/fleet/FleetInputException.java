package dev.nettune.fleet;

/** Input a fleet command cannot use (a malformed target, a policy out of range); the message says what is allowed. */
public final class FleetInputException extends dev.nettune.InputException {
    private static final long serialVersionUID = 1L;

    public FleetInputException(String message) {
        super(message);
    }

    /** An error the GUI and the CLI say in the user's language. */
    public FleetInputException(dev.nettune.Phrase phrase) {
        super(phrase);
    }
}
