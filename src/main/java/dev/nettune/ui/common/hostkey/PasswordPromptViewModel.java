package dev.nettune.ui.common.hostkey;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A prompt for one secret (sudo password, key passphrase, login password): what it is for and
 * why it is asked. The answer is handed over once as a char array and the field is cleared; it
 * is never stored or logged.
 */
public final class PasswordPromptViewModel {
    private final String title;
    private final String message;
    private final StringProperty secret = new SimpleStringProperty("");
    private final BooleanBinding empty = Bindings.createBooleanBinding(() -> secret.get() == null || secret.get().isEmpty(), secret);

    public PasswordPromptViewModel(String title, String message) {
        this.title = title;
        this.message = message;
    }

    /** For a host whose sudo asked for a password (or rejected the one given). */
    public static PasswordPromptViewModel sudo(String hostName, String reason, boolean rejected) {
        return new PasswordPromptViewModel("sudo password for " + hostName,
                (rejected ? "sudo did not accept that password. " : "")
                        + reason + "\n\nThe password is kept in memory for this session only and sent to sudo on its standard input,"
                        + " never on a command line or to disk.");
    }

    public static PasswordPromptViewModel keyPassphrase(String keyFile) {
        return new PasswordPromptViewModel("Key passphrase",
                "The private key " + keyFile + " is encrypted. Its passphrase is kept in memory only.");
    }

    public static PasswordPromptViewModel loginPassword(String user, String host) {
        return new PasswordPromptViewModel("Password for " + user + "@" + host,
                "The host accepts password login. The password is kept in memory only.");
    }

    public String title() {
        return title;
    }

    public String message() {
        return message;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    /** True while nothing is typed: OK is disabled. */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    /** The typed secret, handed over once; the field is cleared. Empty when nothing was typed. */
    public Optional<char[]> take() {
        String s = secret.get();
        secret.set("");
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s.toCharArray());
    }

    /** Cancelled: forget whatever was typed. */
    public void cancel() {
        secret.set("");
    }
}
