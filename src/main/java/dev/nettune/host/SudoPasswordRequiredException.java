package dev.nettune.host;

/**
 * A command needs root and sudo on the host wants a password (or rejected the one given).
 * The GUI asks for it once and hands it to {@link Host#useSudoPassword}; it stays in memory only.
 */
public class SudoPasswordRequiredException extends HostException {
    private static final long serialVersionUID = 1L;
    private final boolean passwordRejected;

    public SudoPasswordRequiredException(String message, boolean passwordRejected) {
        super(message);
        this.passwordRejected = passwordRejected;
    }

    public SudoPasswordRequiredException(dev.nettune.Phrase phrase, boolean passwordRejected) {
        super(phrase);
        this.passwordRejected = passwordRejected;
    }

    /** True when a password was given and sudo refused it; false when none was given. */
    public boolean passwordRejected() {
        return passwordRejected;
    }
}
