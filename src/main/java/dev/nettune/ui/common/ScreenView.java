package dev.nettune.ui.common;

import javafx.scene.Parent;

/**
 * A screen as built for the main window: its root node, and what to release when the window closes
 * (a monitor session, a timer). The main window closes every screen it built on exit.
 */
public interface ScreenView extends AutoCloseable {
    /** The node the main window shows. */
    Parent root();

    /** Stops the screen's background work; safe from any thread, and more than once. */
    @Override
    default void close() {
    }
}
