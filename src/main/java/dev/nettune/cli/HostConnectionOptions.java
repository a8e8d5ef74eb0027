package dev.nettune.cli;

import dev.nettune.app.HostOptions;
import dev.nettune.host.HostKeyDecision;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command that reaches a host shares ({@code --identity}, {@code --known-hosts},
 * {@code --accept-new-host-key}); mix into a command with {@code @Mixin}.
 */
public final class HostConnectionOptions {
    @Option(names = {"-i", "--identity"}, paramLabel = "FILE", description = "Private key file to try first (OpenSSH or PEM).")
    Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file to verify host keys against (default ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--accept-new-host-key", description = "Trust a host key never seen before and save it to known_hosts."
            + " A CHANGED key is refused regardless.")
    boolean acceptNewHostKey;

    /** The options as the host resolver takes them; passphrases and passwords asked on the console. */
    public HostOptions toHostOptions() {
        HostOptions o = HostOptions.defaults().withSecrets(new ConsoleSecretPrompt())
                .withHostKeyDecision(acceptNewHostKey ? HostKeyDecision.acceptAndSave() : HostKeyDecision.refuse());
        if (identity != null) {
            o = o.withIdentity(identity);
        }
        if (knownHosts != null) {
            o = o.withKnownHosts(knownHosts);
        }
        return o;
    }
}
