package dev.nettune.ui.shell;

import dev.nettune.app.AppContext;
import java.util.function.Function;
import javafx.scene.Node;

/** One entry of the navigation rail: its title and how to build the screen (once, on first visit). */
public record ScreenFactory(String id, String title, String glyph, Function<AppContext, Node> create) {
}
