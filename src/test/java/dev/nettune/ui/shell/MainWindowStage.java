package dev.nettune.ui.shell;

import dev.nettune.app.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window as the screen and journey tests show it: TestFX's primary stage with a {@link MainWindow} on
 * {@code context}, the app's stylesheet, at 1280x800; closed with every dialog it opened. Also walks a scene graph
 * and does what the journeys' user does in it: waits, finds a node or button, presses it, reads a text, a dialog.
 */
public final class MainWindowStage implements AutoCloseable {
    public final Stage stage;
    public final MainWindow window;

    private MainWindowStage(Stage stage, MainWindow window) {
        this.stage = stage;
        this.window = window;
    }

    /** Shows the main window of {@code context} at 1280x800 and waits until it is laid out. */
    public static MainWindowStage open(AppContext context) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(s -> {
            window[0] = new MainWindow(context);
            Scene scene = new Scene(window[0].root(), 1280, 800);
            scene.getStylesheets().add(MainWindow.stylesheet());
            s.setScene(scene);
            s.setWidth(1280);
            s.setHeight(800);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return new MainWindowStage(stage, window[0]);
    }

    /**
     * Closes what a journey opened, in order (the window before the context it shows, the context before the servers it
     * talks to), skipping what was never opened and closing the rest even when one fails; the first failure is thrown.
     */
    public static void closeAll(AutoCloseable... opened) throws Exception {
        Exception first = null;
        for (AutoCloseable c : opened) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Removes the lines a journey trusted from {@code knownHosts}: its servers' random ports come back, and a stale line for
     * one would read as a changed host key in a later run.
     */
    public static void forgetTrusted(Path knownHosts, java.util.Collection<String> trusted) throws java.io.IOException {
        if (!trusted.isEmpty() && Files.exists(knownHosts)) {
            Files.write(knownHosts, Files.readAllLines(knownHosts).stream().filter(l -> !trusted.contains(l)).toList());
        }
    }

    /** Hides every dialog or wizard left open, closes the window (light theme again) and TestFX's stages. */
    @Override
    public void close() throws Exception {
        FxToolkit.setupFixture(() -> {
            List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
            window.darkProperty().set(false);
            window.close();
        });
        FxToolkit.cleanupStages();
    }

    /** {@code root} and every node below it. */
    public static List<Node> descendants(Parent root) {
        List<Node> out = new ArrayList<>();
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            out.add(n);
            if (n instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }

    /** Waits (polling, not a fixed time) until {@code condition} holds; fails saying what it waited for. */
    public static void waitUntil(String what, int seconds, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@link #waitUntil(String, int, BooleanSupplier)} for up to 60 s. */
    public static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        waitUntil(what, 60, condition);
    }

    /** The newest showing window not in {@code before} (a dialog or wizard), once it shows. */
    public static Window dialog(List<Window> before) throws Exception {
        Window[] found = new Window[1];
        waitUntil("a dialog", 60, () -> {
            Window.getWindows().stream().filter(w -> !before.contains(w) && w.isShowing()).reduce((a, b) -> b)
                    .ifPresent(w -> found[0] = w);
            return found[0] != null;
        });
        return found[0];
    }

    /** A visible node of {@code w} by {@code #id}, or a visible button by its text. */
    public static Optional<Node> find(Window w, String idOrText) {
        return descendants(w.getScene().getRoot()).stream().filter(n -> idOrText.equals("#" + n.getId())
                || n instanceof ButtonBase b && b.getText() != null && idOrText.equals(b.getText().strip())).filter(Node::isVisible).findFirst();
    }

    /** A visible node by {@code #id}, of the type the test expects. */
    public static <T> T node(Window w, String id, Class<T> type) {
        return type.cast(find(w, id).orElseThrow(() -> new AssertionError("no " + id + " on " + header(w))));
    }

    /** The text a user reads in a label, a button, a text area, or a box of labels; empty when it is not shown. */
    public static String text(Window w, String id) {
        return find(w, id).map(n -> n instanceof TextArea t ? t.getText() : n instanceof Labeled l ? l.getText()
                : String.join("\n", ((Parent) n).getChildrenUnmodifiable().stream().filter(Labeled.class::isInstance)
                        .map(c -> ((Labeled) c).getText()).toList())).orElse("");
    }

    /** Every label's text in {@code w}, joined (what a dialog says). */
    public static String said(Window w) {
        return descendants(w.getScene().getRoot()).stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText())
                .filter(t -> t != null).reduce("", (a, b) -> a + " " + b);
    }

    /** The header of the wizard page (or dialog) shown in {@code w}. */
    public static String header(Window w) {
        return descendants(w.getScene().getRoot()).stream().filter(n -> n instanceof DialogPane && n.isVisible())
                .map(n -> ((DialogPane) n).getHeaderText()).filter(h -> h != null).reduce((a, b) -> b).orElse("");
    }

    /** Presses a button later on the FX thread (its handler may open a dialog with showAndWait), once it is enabled. */
    public static void press(Window w, String idOrText) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> find(w, idOrText).map(n -> !n.isDisabled()).orElse(false));
        } catch (TimeoutException e) {
            throw new AssertionError("waited 60 s for an enabled " + idOrText + " on " + header(w) + "; status: " + text(w, "#prodStatus")
                    + text(w, "#statusLabel") + " " + text(w, "#prodProblem") + "; the buttons shown: " + descendants(w.getScene().getRoot())
                    .stream().filter(n -> n instanceof ButtonBase && n.isVisible())
                    .map(n -> ((ButtonBase) n).getText() + (n.isDisabled() ? " (disabled)" : "")).toList(), e);
        }
        Node n = find(w, idOrText).orElseThrow();
        Platform.runLater(() -> ((ButtonBase) n).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** With {@code -Dnettune.shots=DIR}, what the user sees in {@code w} now is saved there as NAME.png (for a person to look at). */
    public static void shot(Window w, String name) {
        String dir = System.getProperty("nettune.shots", "");
        if (dir.isBlank()) {
            return;
        }
        try {
            javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> w.getScene().snapshot(null)).get();
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                    java.nio.file.Path.of(dir, name + ".png").toFile());
        } catch (Exception e) {
            System.out.println("no screenshot " + name + ": " + e);
        }
    }
}
