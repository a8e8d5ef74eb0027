package dev.nettune.host;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a connection came to trust the host's key: verified against a known_hosts file, or accepted by the user (or
 * an accept-new rule) on this connection, which is not a verification. Screens decide from {@link #how()}, never
 * from the wording.
 */
public record HostKeyTrust(How how, String fingerprint, Optional<Path> file) {

    /** The ways a key is trusted; only the first is a verification. */
    public enum How {
        /** The key matched an entry of {@link #file()}. */
        VERIFIED,
        /** Unknown, accepted on this connection and written to {@link #file()}. */
        ACCEPTED_AND_SAVED,
        /** Unknown, accepted on this connection for this run only; nothing written. */
        ACCEPTED_ONCE,
        /** Accepted once earlier in this run (not saved), and met again. */
        ACCEPTED_EARLIER_THIS_RUN
    }

    public HostKeyTrust {
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(file, "file");
        if ((how == How.VERIFIED || how == How.ACCEPTED_AND_SAVED) && file.isEmpty()) {
            throw new IllegalArgumentException(how + " names the known_hosts file");
        }
    }

    public static HostKeyTrust verified(String fingerprint, Path file) {
        return new HostKeyTrust(How.VERIFIED, fingerprint, Optional.of(file));
    }

    public static HostKeyTrust acceptedAndSaved(String fingerprint, Path file) {
        return new HostKeyTrust(How.ACCEPTED_AND_SAVED, fingerprint, Optional.of(file));
    }

    public static HostKeyTrust acceptedOnce(String fingerprint) {
        return new HostKeyTrust(How.ACCEPTED_ONCE, fingerprint, Optional.empty());
    }

    public static HostKeyTrust acceptedEarlierThisRun(String fingerprint) {
        return new HostKeyTrust(How.ACCEPTED_EARLIER_THIS_RUN, fingerprint, Optional.empty());
    }

    /** True when the user (or an accept-new rule) trusted the key on this very connection. */
    public boolean newlyTrusted() {
        return how == How.ACCEPTED_AND_SAVED || how == How.ACCEPTED_ONCE;
    }

    /** The file the key was written to, when it was accepted and saved now. */
    public Optional<Path> savedTo() {
        return how == How.ACCEPTED_AND_SAVED ? file : Optional.empty();
    }

    /** The CLI's words for it, as OpenSSH users read them. */
    public String describe() {
        return describePhrase().toString();
    }

    /** {@link #describe()} as a phrase the CLI and the screens say in the user's language. */
    public dev.nettune.Phrase describePhrase() {
        return switch (how) {
            case VERIFIED -> dev.nettune.Phrase.of("host.trust.verified", "verified against {0}", file.orElseThrow());
            case ACCEPTED_AND_SAVED -> dev.nettune.Phrase.of("host.trust.saved", "trusted now (first connection; saved to {0})",
                    file.orElseThrow());
            case ACCEPTED_ONCE -> dev.nettune.Phrase.of("host.trust.once", "trusted now for this run only (not saved)");
            case ACCEPTED_EARLIER_THIS_RUN -> dev.nettune.Phrase.of("host.trust.earlier", "trusted for this run (accepted once, not saved)");
        };
    }
}
