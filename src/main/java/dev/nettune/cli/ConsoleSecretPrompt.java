package dev.nettune.cli;

import dev.nettune.host.SecretPrompt;
import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/** Asks for passphrases and passwords on the terminal without echo; asks nothing when there is no terminal. */
final class ConsoleSecretPrompt implements SecretPrompt {
    @Override
    public Optional<char[]> keyPassphrase(Path keyFile) {
        Console c = System.console();
        return c == null ? Optional.empty() : Optional.ofNullable(c.readPassword("Passphrase for %s: ", keyFile));
    }

    @Override
    public Optional<char[]> loginPassword(String user, String host) {
        Console c = System.console();
        return c == null ? Optional.empty() : Optional.ofNullable(c.readPassword("Password for %s@%s: ", user, host));
    }
}
