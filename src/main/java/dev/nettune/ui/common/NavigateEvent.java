package dev.nettune.ui.common;

import java.util.function.Consumer;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Parent;

/**
 * Asks the main window to show a screen, then hands that screen's root to {@code then} (a tour
 * presses the screen's first button). Fired from any node of a screen; it bubbles to the window.
 */
public final class NavigateEvent extends Event {
    public static final EventType<NavigateEvent> NAVIGATE = new EventType<>(Event.ANY, "NETTUNE_NAVIGATE");

    private final transient ScreenId screen;
    private final transient Consumer<Parent> then;

    public NavigateEvent(ScreenId screen, Consumer<Parent> then) {
        super(NAVIGATE);
        this.screen = screen;
        this.then = then;
    }

    public ScreenId screen() {
        return screen;
    }

    /** What to do with the screen once it is shown. */
    public Consumer<Parent> then() {
        return then;
    }
}
