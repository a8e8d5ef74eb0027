package dev.nettune.ui.journal;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the Journal screen (FXML, controller, view model) as one node for the main window. */
public final class JournalView {
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nettune-journal");
        t.setDaemon(true);
        return t;
    });

    private final Parent root;
    private final JournalViewModel model;

    private JournalView(Parent root, JournalViewModel model) {
        this.root = root;
        this.model = model;
    }

    public static JournalView load(AppContext context) {
        return load(new JournalViewModel(context.tuningJournal(), context.tuningEngine(),
                name -> context.hostResolver().resolve(name, HostOptions.defaults()), WORKER, Platform::runLater));
    }

    public static JournalView load(JournalViewModel model) {
        FXMLLoader loader = new FXMLLoader(JournalView.class.getResource("JournalView.fxml"));
        loader.setControllerFactory(type -> new JournalController(model));
        try {
            Parent root = loader.load();
            // The journal changes while other screens apply plans: show it fresh whenever it is shown.
            root.sceneProperty().addListener((o, a, b) -> {
                if (b != null) {
                    model.refresh();
                }
            });
            return new JournalView(root, model);
        } catch (IOException e) {
            throw new UncheckedIOException("The Journal screen's FXML did not load", e);
        }
    }

    public Parent root() {
        return root;
    }

    public JournalViewModel model() {
        return model;
    }
}
