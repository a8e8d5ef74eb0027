package dev.nettune.host;

/** A host could not be reached or could not run what was asked; the message is for the user. */
public class HostException extends Exception {
    private static final long serialVersionUID = 1L;

    public HostException(String message) {
        super(message);
    }

    public HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
