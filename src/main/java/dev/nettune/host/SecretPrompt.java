package dev.nettune.host;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user for a secret when a connection needs one: a key's passphrase or a login
 * password. Answers are held in memory only, never written or logged.
 */
public interface SecretPrompt {
    /** The passphrase of an encrypted private key; empty skips that key. */
    Optional<char[]> keyPassphrase(Path keyFile);

    /** The password of {@code user} on {@code host}; empty skips password login. */
    Optional<char[]> loginPassword(String user, String host);

    /** Asks nothing: encrypted keys are skipped and password login is not tried. */
    SecretPrompt NONE = new SecretPrompt() {
        @Override
        public Optional<char[]> keyPassphrase(Path keyFile) {
            return Optional.empty();
        }

        @Override
        public Optional<char[]> loginPassword(String user, String host) {
            return Optional.empty();
        }
    };
}
