package dev.nettune.ui.shell;

import dev.nettune.app.AppContext;
import dev.nettune.ui.common.ScreenId;
import dev.nettune.ui.common.ScreenView;
import java.util.function.Function;

/** One entry of the navigation rail: its title and how to build the screen (once, on first visit). */
public record ScreenFactory(ScreenId id, String title, String glyph, Function<AppContext, ScreenView> create) {
}
