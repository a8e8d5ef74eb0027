package dev.nettune.cli;

import dev.nettune.app.HostOptions;
import dev.nettune.host.HostKeyDecision;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command that reaches a host shares ({@code --identity}, {@code --known-hosts},
 * {@code --accept-new-host-key}), with one validation and one set of messages; mix into a command with
 * {@code @Mixin} and open hosts through {@link #open}. HostOptionsEverywhereTest keeps every host command on it.
 */
public final class HostConnectionOptions {
    @Option(names = {"-i", "--identity"}, paramLabel = "FILE", description = "Private key file to try first (OpenSSH or PEM).")
    Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file to verify host keys against (default ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--accept-new-host-key", description = "Trust a host key never seen before and save it to known_hosts."
            + " A CHANGED key is refused regardless.")
    boolean acceptNewHostKey;

    /** Largest private key file read: a key is a few kB; anything bigger is not one (a device, a log). */
    private static final long MAX_KEY_BYTES = 1024 * 1024;

    /**
     * Refuses bad hosts and bad files before anything connects or any cloud API is called: each host name
     * (null: not given) and the --identity / --known-hosts files.
     */
    public void check(String... hosts) {
        for (String h : hosts) {
            if (h != null) {
                dev.nettune.app.HostResolver.checkName(h);
            }
        }
        if (identity != null) {
            if (!java.nio.file.Files.exists(identity)) {
                throw new CliInputException(CliText.format("host.options.identityMissing", dev.nettune.host.Printable.clip(identity.toString())));
            }
            if (!java.nio.file.Files.isRegularFile(identity)) {
                throw new CliInputException(CliText.format("host.options.identityNotFile", dev.nettune.host.Printable.clip(identity.toString())));
            }
            try {
                if (java.nio.file.Files.size(identity) > MAX_KEY_BYTES) {
                    throw new CliInputException(CliText.format("host.options.identityTooLarge",
                            dev.nettune.host.Printable.clip(identity.toString())));
                }
            } catch (java.io.IOException e) {
                throw new CliInputException(CliText.format("host.options.identityUnreadable", dev.nettune.host.Printable.clip(identity.toString())));
            }
        }
        if (knownHosts != null && java.nio.file.Files.exists(knownHosts) && !java.nio.file.Files.isRegularFile(knownHosts)) {
            throw new CliInputException(CliText.format("host.options.knownHostsNotFile", dev.nettune.host.Printable.clip(knownHosts.toString())));
        }
    }

    /** Checks {@code host} and the files, then opens it with these options. */
    public dev.nettune.host.Host open(dev.nettune.app.AppContext context, String host) throws dev.nettune.host.HostException {
        check(host);
        return context.hostResolver().resolve(host, toHostOptions());
    }

    /** The options as the host resolver takes them (files checked); passphrases and passwords asked on the console. */
    public HostOptions toHostOptions() {
        check();
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
