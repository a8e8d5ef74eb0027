package dev.nettune.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Whether the dark theme is on, for what CSS cannot reach (JFreeChart charts draw with Java2D colours).
 * The main window sets it; charts listen. One per application, like the user-agent stylesheet it mirrors.
 */
public final class Theme {
    private static final BooleanProperty DARK = new SimpleBooleanProperty(false);

    private Theme() {
    }

    /** True while the dark theme is on; change it on the FX thread. */
    public static BooleanProperty darkProperty() {
        return DARK;
    }
}
