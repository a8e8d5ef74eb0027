package dev.nettune.ui.common;

import javafx.beans.binding.StringExpression;
import javafx.scene.control.Labeled;

/** A label for a message (an error, a warning, a verdict) that takes room on the screen only while there is one. */
public final class ShownText {
    private ShownText() {
    }

    /** {@code label} shows {@code text}, and is visible and laid out only while the text is not empty. */
    public static void bind(Labeled label, StringExpression text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
