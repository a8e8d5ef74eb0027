package dev.nettune.ui.common;

import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;

/** Names a dialog's standard buttons (OK, Cancel, Finish …) in the app's language. */
public final class DialogButtons {
    /**
     * JavaFX names its standard buttons once, in the JVM's default locale when ButtonType is first loaded, and ControlsFX
     * names Previous/Next in English only: a Chinese screen on an English system showed "OK" and "Cancel", and an English
     * one on a Chinese system 确定 and 取消. Only these constants are renamed; a button NetTune named itself keeps its text.
     */
    private static final Map<ButtonType, String> KEYS = Map.of(
            ButtonType.OK, "dialog.button.ok",
            ButtonType.CANCEL, "dialog.button.cancel",
            ButtonType.CLOSE, "dialog.button.close",
            ButtonType.YES, "dialog.button.yes",
            ButtonType.NO, "dialog.button.no",
            ButtonType.APPLY, "dialog.button.apply",
            ButtonType.FINISH, "wizard.button.finish",
            ButtonType.NEXT, "wizard.button.next",
            ButtonType.PREVIOUS, "wizard.button.previous");

    private DialogButtons() {
    }

    /** Sets the text of every standard button {@code pane} shows; call once its button types are set. */
    public static <P extends DialogPane> P say(P pane) {
        for (ButtonType t : pane.getButtonTypes()) {
            String key = KEYS.get(t);
            if (key == null) {
                // ControlsFX's wizard makes its own Previous/Next types; only it uses these button roles.
                key = switch (t.getButtonData()) {
                    case BACK_PREVIOUS -> "wizard.button.previous";
                    case NEXT_FORWARD -> "wizard.button.next";
                    default -> null;
                };
            }
            if (key != null && pane.lookupButton(t) instanceof Button b) {
                b.setText(Messages.get(key));
            }
        }
        return pane;
    }
}
