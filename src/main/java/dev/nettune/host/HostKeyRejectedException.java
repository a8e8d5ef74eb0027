package dev.nettune.host;

import dev.nettune.Phrase;
import java.util.Optional;

/** The connection was stopped because the host's key was not trusted: unknown and refused, changed, or revoked. */
public class HostKeyRejectedException extends HostException {
    private static final long serialVersionUID = 1L;

    /** Why the key was not trusted. */
    public enum Reason { UNKNOWN_REFUSED, CHANGED, REVOKED }

    private final Reason reason;
    private final String presentedFingerprint;
    private final String knownFingerprint;

    public HostKeyRejectedException(Reason reason, String message, String presentedFingerprint, String knownFingerprint) {
        this(reason, Phrase.literal(message), presentedFingerprint, knownFingerprint);
    }

    /** A refusal the CLI and the screens say in the user's language. */
    public HostKeyRejectedException(Reason reason, Phrase message, String presentedFingerprint, String knownFingerprint) {
        super(message);
        this.reason = reason;
        this.presentedFingerprint = presentedFingerprint;
        this.knownFingerprint = knownFingerprint;
    }

    public Reason reason() {
        return reason;
    }

    /** The SHA256 fingerprint of the key the host presented. */
    public String presentedFingerprint() {
        return presentedFingerprint;
    }

    /** The SHA256 fingerprint known_hosts holds for the host, when the key changed. */
    public Optional<String> knownFingerprint() {
        return Optional.ofNullable(knownFingerprint);
    }
}
