package dev.nettune.ui.shell;

import dev.nettune.app.Settings.WindowBounds;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: the remembered bounds when they still fit the screens attached now
 * (a laptop undocked from its second monitor must not open the window out of sight), else centred on
 * the primary screen at the default size.
 */
public final class WindowPlacement {
    /** The default size, and the least the screens can hold. */
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 820;
    static final double MIN_WIDTH = 1000;
    static final double MIN_HEIGHT = 680;
    /** How much of the title bar must be on a screen for the user to grab it. */
    static final double GRAB = 48;

    private WindowPlacement() {
    }

    /**
     * The bounds to open with, given the remembered ones and the visual bounds of the screens
     * (primary first). The result is never larger than the screen it lands on, and its top strip is on it.
     */
    public static WindowBounds place(Optional<WindowBounds> remembered, List<Rectangle2D> screens) {
        if (screens.isEmpty()) {
            return remembered.orElse(new WindowBounds(0, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT, false));
        }
        Rectangle2D primary = screens.get(0);
        if (remembered.isPresent()) {
            WindowBounds w = remembered.get();
            // The screen that holds the title bar's grab strip, if any still does.
            Rectangle2D titleBar = new Rectangle2D(w.x(), w.y(), Math.max(1, w.width()), GRAB);
            Optional<Rectangle2D> on = screens.stream().filter(s -> s.intersects(titleBar)
                    && overlap(s, titleBar) >= Math.min(GRAB * GRAB, w.width() * GRAB / 2)).findFirst();
            if (on.isPresent()) {
                return fit(w, on.get());
            }
        }
        double width = Math.min(DEFAULT_WIDTH, primary.getWidth());
        double height = Math.min(DEFAULT_HEIGHT, primary.getHeight());
        boolean maximized = remembered.map(WindowBounds::maximized).orElse(false);
        return new WindowBounds(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height, maximized);
    }

    /** Shrinks the window to the screen and slides it fully onto it. */
    private static WindowBounds fit(WindowBounds w, Rectangle2D s) {
        double width = Math.min(Math.max(w.width(), Math.min(MIN_WIDTH, s.getWidth())), s.getWidth());
        double height = Math.min(Math.max(w.height(), Math.min(MIN_HEIGHT, s.getHeight())), s.getHeight());
        double x = Math.min(Math.max(w.x(), s.getMinX()), s.getMaxX() - width);
        double y = Math.min(Math.max(w.y(), s.getMinY()), s.getMaxY() - height);
        return new WindowBounds(x, y, width, height, w.maximized());
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
