package dev.nettune.ui;

import dev.nettune.app.AppContext;
import dev.nettune.app.Settings;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.shell.WindowPlacement;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
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

    /**
     * The context with its settings read and the chosen language's bundle loaded, made on a thread of its own
     * while JavaFX starts its toolkit (the other core is idle then), so that neither the settings file nor the
     * bundles are read on the FX thread. Null when JavaFX's launcher started the application directly.
     */
    private static volatile CompletableFuture<AppContext> preparing;

    public static void launchApp(String[] args) {
        preparing = CompletableFuture.supplyAsync(NetTuneApp::prepare, work -> {
            Thread t = new Thread(work, "nettune-prepare");
            t.setDaemon(true);
            t.start();
        });
        Application.launch(NetTuneApp.class, args);
    }

    /** The context, its settings read, and the language in use: the chosen one, else the system's when NetTune speaks it, else English. */
    private static AppContext prepare() {
        AppContext c = AppContext.fromEnvironment();
        Locale locale = c.settings().current().locale(Locale.getDefault());
        Messages.use(locale);
        // JavaFX's and ControlsFX's own texts (OK, Cancel, the wizard's Next) follow the default locale.
        Locale.setDefault(Messages.locale());
        return c;
    }

    /** Runs on the launcher thread, not the FX thread: waits for (or does) the reads {@link #prepare} makes. */
    @Override
    public void init() {
        CompletableFuture<AppContext> p = preparing;
        context = p == null ? prepare() : p.join();
    }

    @Override
    public void start(Stage stage) {
        // Only the rail before the first frame: the screen, the sandbox, SQLite and the SDK come after it.
        window = MainWindow.railOnly(context);
        Settings.WindowBounds at = WindowPlacement.place(context.settings().current().window(),
                Screen.getScreens().stream().sorted((a, b) -> a.equals(Screen.getPrimary()) ? -1 : b.equals(Screen.getPrimary()) ? 1 : 0)
                        .map(Screen::getVisualBounds).toList());
        Scene scene = new Scene(window.root(), at.width(), at.height());
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.titleProperty().bind(window.titleProperty());
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
        // The window's icons (the largest is 256 px) after the first frame: a panel shows them a moment later.
        afterFirstFrame(() -> stage.getIcons().setAll(MainWindow.icons()));
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
