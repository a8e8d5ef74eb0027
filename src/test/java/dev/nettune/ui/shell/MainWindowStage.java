package dev.nettune.ui.shell;

import dev.nettune.app.AppContext;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window as the screen and journey tests show it: TestFX's primary stage with a {@link MainWindow} on
 * {@code context}, the app's stylesheet, at 1280x800; closed with every dialog it opened. Also walks a scene graph.
 */
public final class MainWindowStage {
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

    /** Hides every dialog or wizard left open, closes the window (light theme again) and TestFX's stages. */
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
}
