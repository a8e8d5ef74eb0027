package dev.nettune.ui.common.hostkey;

import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.SecretPrompt;
import dev.nettune.host.UnknownHostKey;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * The GUI's answers to a connection's questions: the host-key dialog and the password prompts,
 * shown on the FX thread while the connection thread (never the FX thread) waits.
 */
public final class FxHostPrompts implements HostKeyDecision, SecretPrompt {
    private final Supplier<Window> owner;

    public FxHostPrompts(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Choice decide(UnknownHostKey key) {
        return onFxThread(() -> new HostKeyDialog(key, owner.get()).showAndWait(), Choice.REFUSE);
    }

    @Override
    public Optional<char[]> keyPassphrase(Path keyFile) {
        return onFxThread(() -> new PasswordPromptDialog(PasswordPromptViewModel.keyPassphrase(keyFile.toString()), owner.get())
                .showAndWait(), Optional.empty());
    }

    @Override
    public Optional<char[]> loginPassword(String user, String host) {
        return onFxThread(() -> new PasswordPromptDialog(PasswordPromptViewModel.loginPassword(user, host), owner.get())
                .showAndWait(), Optional.empty());
    }

    /** Asks for the sudo password of {@code hostName} after a SudoPasswordRequiredException; empty when cancelled. */
    public Optional<char[]> sudoPassword(String hostName, String reason, boolean rejected) {
        return onFxThread(() -> new PasswordPromptDialog(PasswordPromptViewModel.sudo(hostName, reason, rejected), owner.get())
                .showAndWait(), Optional.empty());
    }

    private static <T> T onFxThread(Supplier<T> dialog, T refusal) {
        if (Platform.isFxApplicationThread()) {
            return dialog.get(); // from an event handler: showAndWait runs a nested event loop
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(dialog.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refusal;
        } catch (ExecutionException e) {
            return refusal;
        }
    }
}
