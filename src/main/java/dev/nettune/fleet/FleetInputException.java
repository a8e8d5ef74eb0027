package dev.nettune.fleet;

/** Input a fleet command cannot use (a malformed target, a policy out of range); the message says what is allowed. */
public final class FleetInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public FleetInputException(String message) {
        super(message);
    }
}
