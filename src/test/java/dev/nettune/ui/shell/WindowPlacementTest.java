package dev.nettune.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.Settings.WindowBounds;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the window opens: remembered, but always on a screen that is attached now. */
class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1440, 900);
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1440, 0, 2560, 1440);

    @Test
    void aFirstLaunchIsCentredOnThePrimaryScreenAtTheDefaultSize() {
        WindowBounds w = WindowPlacement.place(Optional.empty(), List.of(LAPTOP));

        assertThat(w).isEqualTo(new WindowBounds(80, 40, 1280, 820, false));
    }

    @Test
    void rememberedBoundsOnAnAttachedScreenAreKept() {
        WindowBounds saved = new WindowBounds(1600, 100, 1500, 1000, false);

        assertThat(WindowPlacement.place(Optional.of(saved), List.of(LAPTOP, RIGHT_MONITOR))).isEqualTo(saved);
    }

    @Test
    void aWindowLeftOnAMonitorThatIsGoneOpensOnThePrimaryScreen() {
        WindowBounds saved = new WindowBounds(1600, 100, 1500, 1000, false);

        WindowBounds w = WindowPlacement.place(Optional.of(saved), List.of(LAPTOP));

        assertThat(LAPTOP.contains(w.x(), w.y(), w.width(), w.height())).isTrue();
    }

    @Test
    void aWindowLargerThanItsScreenShrinksAndSlidesOntoIt() {
        WindowBounds saved = new WindowBounds(500, -20, 2000, 1200, false);

        WindowBounds w = WindowPlacement.place(Optional.of(saved), List.of(LAPTOP));

        assertThat(w).isEqualTo(new WindowBounds(0, 0, 1440, 900, false));
    }

    @Test
    void aWindowWhoseTitleBarIsAboveEveryScreenIsBroughtBack() {
        WindowBounds saved = new WindowBounds(100, -700, 1200, 800, true);

        WindowBounds w = WindowPlacement.place(Optional.of(saved), List.of(LAPTOP));

        assertThat(w.y()).isGreaterThanOrEqualTo(0);
        assertThat(w.maximized()).isTrue();
    }
}
