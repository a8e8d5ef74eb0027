package dev.nettune.ui.common.hostkey;

import dev.nettune.ui.common.Messages;
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
        return new PasswordPromptViewModel(Messages.format("password.sudo.title", hostName),
                (rejected ? Messages.get("password.sudo.rejected") : "") + reason + "\n\n" + Messages.get("password.sudo.kept"));
    }

    public static PasswordPromptViewModel keyPassphrase(String keyFile) {
        return new PasswordPromptViewModel(Messages.get("password.passphrase.title"),
                Messages.format("password.passphrase.message", keyFile));
    }

    public static PasswordPromptViewModel loginPassword(String user, String host) {
        return new PasswordPromptViewModel(Messages.format("password.login.title", user, host),
                Messages.get("password.login.message"));
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
