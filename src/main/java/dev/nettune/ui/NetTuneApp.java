package dev.nettune.ui;

import dev.nettune.app.AppContext;
import dev.nettune.app.Settings;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.shell.WindowPlacement;
import java.util.Locale;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.shell.MainWindow;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: one main window with a navigation rail over the screens. */
public final class NetTuneApp extends Application {
    private AppContext context;
    private MainWindow window;

    public static void launchApp(String[] args) {
        Application.launch(NetTuneApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        context = AppContext.fromEnvironment();
        // The chosen language, else the system's when NetTune speaks it, else English.
        Locale locale = context.settings().current().locale(Locale.getDefault());
        Messages.use(locale);
        // JavaFX's and ControlsFX's own texts (OK, Cancel, the wizard's Next) follow the default locale.
        Locale.setDefault(Messages.locale());
        // Only the rail before the first frame: the screen, the sandbox, SQLite and the SDK come after it.
        window = MainWindow.railOnly(context);
        Settings.WindowBounds at = WindowPlacement.place(context.settings().current().window(),
                Screen.getScreens().stream().sorted((a, b) -> a.equals(Screen.getPrimary()) ? -1 : b.equals(Screen.getPrimary()) ? 1 : 0)
                        .map(Screen::getVisualBounds).toList());
        Scene scene = new Scene(window.root(), at.width(), at.height());
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.titleProperty().bind(window.titleProperty());
        stage.getIcons().setAll(MainWindow.icons());
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        stage.setScene(scene);
        stage.setX(at.x());
        stage.setY(at.y());
        stage.setMaximized(at.maximized());
        // Remembered on the way out; a maximised window keeps the bounds it restores to.
        stage.setOnHiding(e -> {
            Settings.WindowBounds before = context.settings().current().window().orElse(at);
            Settings.WindowBounds now = stage.isMaximized()
                    ? new Settings.WindowBounds(before.x(), before.y(), before.width(), before.height(), true)
                    : new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            context.settings().update(st -> st.withWindow(now));
        });
        stage.show();
        if (Boolean.getBoolean("nettune.exitAfterFirstFrame")) {
            // For measuring the start (README): say when the first frame was drawn, counted from the process start, and end.
            afterFirstFrame(() -> {
                long ms = ProcessHandle.current().info().startInstant()
                        .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L);
                System.err.println("nettune: first frame " + ms + " ms after the process started");
                javafx.application.Platform.exit();
            });
            return;
        }
        if (Boolean.getBoolean("nettune.exitAfterStartScreen")) {
            // The AppCDS training run (packaging/train-cds.sh): the first frame, then the start screen built and
            // drawn once, then exit, so the archive holds the classes of both and nothing a later click loads.
            afterFirstFrame(() -> {
                window.showStartScreen();
                afterFirstFrame(javafx.application.Platform::exit);
            });
            return;
        }
        afterFirstFrame(window::showStartScreen);
    }

    /**
     * Runs {@code work} on the FX thread once a frame has been drawn: an animation timer is called at the
     * start of each pulse, so its second call comes after the first pulse rendered the window.
     */
    private static void afterFirstFrame(Runnable work) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    work.run();
                }
            }
        }.start();
    }

    @Override
    public void stop() {
        // Screens first (they stop sessions that use the pools and the context), then the pools, then the context.
        if (window != null) {
            window.close();
        }
        TaskRunner.closeApplication();
        if (context != null) {
            context.close();
        }
    }
}
