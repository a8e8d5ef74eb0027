package dev.nettune.ui.common.hostkey;

import dev.nettune.ui.common.Messages;
import javafx.scene.control.ButtonBar;
import dev.nettune.ui.common.View;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** A dialog asking for one secret (sudo password, key passphrase, login password); the answer stays in memory. */
public final class PasswordPromptDialog {
    private final Dialog<Optional<char[]>> dialog = new Dialog<>();
    private final PasswordPromptViewModel model;

    public PasswordPromptDialog(PasswordPromptViewModel model, Window owner) {
        this.model = model;
        Parent content = View.PASSWORD_PROMPT.load(new PasswordPromptController(model));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(model.title());
        dialog.setHeaderText(model.title());
        dialog.getDialogPane().setContent(content);
        // Its own buttons, in the language in use: JavaFX's OK/Cancel keep the language the JVM started with.
        ButtonType ok = new ButtonType(Messages.get("password.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("password.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(model.emptyProperty());
        dialog.setResultConverter(button -> {
            if (button == ok) {
                return model.take();
            }
            model.cancel();
            return Optional.empty();
        });
        dialog.setOnShown(e -> content.lookup(".password-field").requestFocus());
    }

    public Dialog<Optional<char[]>> dialog() {
        return dialog;
    }

    public PasswordPromptViewModel model() {
        return model;
    }

    /** Shows the dialog and waits (FX thread only); empty when cancelled. */
    public Optional<char[]> showAndWait() {
        return dialog.showAndWait().orElse(Optional.empty());
    }
}
