package dev.nettune.ui.common.hostkey;

import dev.nettune.ui.common.View;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.UnknownHostKey;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * The dialog for a host key never seen before: fingerprint, accept once / accept and save /
 * refuse. Refuse is the default button and what closing the window means.
 */
public final class HostKeyDialog {
    public static final ButtonType REFUSE = new ButtonType(dev.nettune.ui.common.Messages.get("hostkey.refuse"), ButtonBar.ButtonData.CANCEL_CLOSE);
    public static final ButtonType ACCEPT_ONCE = new ButtonType(dev.nettune.ui.common.Messages.get("hostkey.acceptOnce"), ButtonBar.ButtonData.OTHER);
    public static final ButtonType ACCEPT_AND_SAVE = new ButtonType(dev.nettune.ui.common.Messages.get("hostkey.acceptAndSave"), ButtonBar.ButtonData.OK_DONE);

    private final Dialog<HostKeyDecision.Choice> dialog = new Dialog<>();
    private final HostKeyViewModel model;

    public HostKeyDialog(UnknownHostKey key, Window owner) {
        model = new HostKeyViewModel(key);
        Parent content = View.HOST_KEY.load(new HostKeyController(model));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(model.title());
        dialog.setHeaderText(dev.nettune.ui.common.Messages.format("hostkey.isThisReally", model.host()));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ACCEPT_AND_SAVE, ACCEPT_ONCE, REFUSE);
        Button save = (Button) dialog.getDialogPane().lookupButton(ACCEPT_AND_SAVE);
        Button once = (Button) dialog.getDialogPane().lookupButton(ACCEPT_ONCE);
        Button refuse = (Button) dialog.getDialogPane().lookupButton(REFUSE);
        // The types are constants (results are compared to them), named in the language of first use: each dialog names
        // its buttons again in the app's language now.
        save.setText(dev.nettune.ui.common.Messages.get("hostkey.acceptAndSave"));
        once.setText(dev.nettune.ui.common.Messages.get("hostkey.acceptOnce"));
        refuse.setText(dev.nettune.ui.common.Messages.get("hostkey.refuse"));
        save.setDefaultButton(false);
        refuse.setDefaultButton(true);
        save.disableProperty().bind(model.mismatchProperty());
        once.disableProperty().bind(model.mismatchProperty());
        dialog.setResultConverter(button -> {
            if (button == ACCEPT_AND_SAVE) {
                model.acceptAndSave();
            } else if (button == ACCEPT_ONCE) {
                model.acceptOnce();
            } else {
                model.refuse();
            }
            return model.choice();
        });
    }

    public Dialog<HostKeyDecision.Choice> dialog() {
        return dialog;
    }

    public HostKeyViewModel model() {
        return model;
    }

    /** Shows the dialog and waits (FX thread only); closing it refuses. */
    public HostKeyDecision.Choice showAndWait() {
        return dialog.showAndWait().orElse(HostKeyDecision.Choice.REFUSE);
    }
}
