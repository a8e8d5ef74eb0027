package dev.nettune.app;

import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.SecretPrompt;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a host beyond its name: an identity file to try first, the known_hosts file
 * (default ~/.ssh/known_hosts), who decides about an unknown host key, who answers secrets.
 */
public record HostOptions(Optional<Path> identity, Optional<Path> knownHosts, HostKeyDecision hostKeyDecision,
                          SecretPrompt secrets) {
    public HostOptions {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(hostKeyDecision, "hostKeyDecision");
        Objects.requireNonNull(secrets, "secrets");
    }

    /** Unknown host keys refused, nothing asked: safe for anything non-interactive. */
    public static HostOptions defaults() {
        return new HostOptions(Optional.empty(), Optional.empty(), HostKeyDecision.refuse(), SecretPrompt.NONE);
    }

    public HostOptions withIdentity(Path file) {
        return new HostOptions(Optional.of(file), knownHosts, hostKeyDecision, secrets);
    }

    public HostOptions withKnownHosts(Path file) {
        return new HostOptions(identity, Optional.of(file), hostKeyDecision, secrets);
    }

    public HostOptions withHostKeyDecision(HostKeyDecision decision) {
        return new HostOptions(identity, knownHosts, decision, secrets);
    }

    public HostOptions withSecrets(SecretPrompt prompt) {
        return new HostOptions(identity, knownHosts, hostKeyDecision, prompt);
    }
}
