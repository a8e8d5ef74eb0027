package dev.nettune.ui;

import atlantafx.base.theme.PrimerLight;
import dev.nettune.app.AppContext;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.shell.MainWindow;
import javafx.application.Application;
import javafx.scene.Scene;
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
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        context = AppContext.fromEnvironment();
        window = new MainWindow(context);
        Scene scene = new Scene(window.root(), 1280, 820);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.titleProperty().bind(window.titleProperty());
        stage.getIcons().setAll(MainWindow.icons());
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        stage.setScene(scene);
        stage.show();
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
