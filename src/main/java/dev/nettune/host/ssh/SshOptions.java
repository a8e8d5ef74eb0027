package dev.nettune.host.ssh;

import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.SecretPrompt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to connect, beyond where: the known_hosts file, who decides about unknown host keys,
 * who supplies passphrases and passwords, the ssh-agent socket, timing, and the host keys
 * accepted once in this run.
 */
public record SshOptions(Path knownHosts, HostKeyDecision hostKeyDecision, SecretPrompt secrets,
                         Optional<Path> agentSocket, Duration connectTimeout, Duration keepAlive, SessionTrust sessionTrust,
                         List<Path> moreKnownHosts) {
    public SshOptions {
        moreKnownHosts = List.copyOf(moreKnownHosts);
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(hostKeyDecision, "hostKeyDecision");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(agentSocket, "agentSocket");
        Objects.requireNonNull(sessionTrust, "sessionTrust");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("The connect timeout must be positive; got " + connectTimeout + ".");
        }
        if (keepAlive.isNegative()) {
            throw new IllegalArgumentException("The keep-alive interval must be zero (off) or positive; got " + keepAlive + ".");
        }
    }

    /** ~/.ssh/known_hosts, unknown keys refused, no prompts, the agent of SSH_AUTH_SOCK, 15 s to connect, keep-alive every 15 s. */
    public static SshOptions defaults() {
        String sock = System.getenv("SSH_AUTH_SOCK");
        return new SshOptions(defaultKnownHosts(), HostKeyDecision.refuse(), SecretPrompt.NONE,
                sock == null || sock.isBlank() ? Optional.empty() : Optional.of(Path.of(sock)),
                Duration.ofSeconds(15), Duration.ofSeconds(15), new SessionTrust(), List.of());
    }

    public static Path defaultKnownHosts() {
        return dev.nettune.host.UserHome.path().resolve(".ssh").resolve("known_hosts");
    }

    public SshOptions withKnownHosts(Path file) {
        return new SshOptions(file, hostKeyDecision, secrets, agentSocket, connectTimeout, keepAlive, sessionTrust, moreKnownHosts);
    }

    /**
     * Known_hosts files read after {@link #knownHosts} (ssh's UserKnownHostsFile may name several); a new key is
     * still written only to the first.
     */
    public SshOptions withMoreKnownHosts(List<Path> files) {
        return new SshOptions(knownHosts, hostKeyDecision, secrets, agentSocket, connectTimeout, keepAlive, sessionTrust, files);
    }

    public SshOptions withHostKeyDecision(HostKeyDecision decision) {
        return new SshOptions(knownHosts, decision, secrets, agentSocket, connectTimeout, keepAlive, sessionTrust, moreKnownHosts);
    }

    public SshOptions withSecrets(SecretPrompt prompt) {
        return new SshOptions(knownHosts, hostKeyDecision, prompt, agentSocket, connectTimeout, keepAlive, sessionTrust, moreKnownHosts);
    }

    /** Shares "accepted once" host keys with every host of this application run. */
    public SshOptions withSessionTrust(SessionTrust trust) {
        return new SshOptions(knownHosts, hostKeyDecision, secrets, agentSocket, connectTimeout, keepAlive, trust, moreKnownHosts);
    }

    public SshOptions withKeepAlive(Duration interval) {
        return new SshOptions(knownHosts, hostKeyDecision, secrets, agentSocket, connectTimeout, interval, sessionTrust, moreKnownHosts);
    }

    public SshOptions withAgentSocket(Optional<Path> socket) {
        return new SshOptions(knownHosts, hostKeyDecision, secrets, socket, connectTimeout, keepAlive, sessionTrust, moreKnownHosts);
    }
}
