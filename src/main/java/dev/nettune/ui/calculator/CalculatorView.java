package dev.nettune.ui.calculator;

import dev.nettune.app.AppContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the Calculator screen (FXML, controller, view model) as one node for the main window. */
public final class CalculatorView {
    /** Background threads for the analyses; daemons, so they never keep the application alive. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "calculator-work");
        t.setDaemon(true);
        return t;
    });

    private final Parent root;
    private final CalculatorController controller;

    private CalculatorView(Parent root, CalculatorController controller) {
        this.root = root;
        this.controller = controller;
    }

    public static CalculatorView load(AppContext context) {
        CalculatorViewModel model = new CalculatorViewModel();
        Executor fx = Platform::runLater;
        DistributionViewModel distribution = new DistributionViewModel(model, new BackgroundWork(WORKERS, fx));
        ReverseSearchViewModel reverse = new ReverseSearchViewModel(model, new BackgroundWork(WORKERS, fx));
        KeySolverViewModel solver = new KeySolverViewModel(model, new BackgroundWork(WORKERS, fx));
        FXMLLoader loader = new FXMLLoader(CalculatorView.class.getResource("CalculatorView.fxml"));
        loader.setControllerFactory(type -> {
            if (type == DistributionController.class) {
                return new DistributionController(distribution);
            }
            if (type == ReverseSearchController.class) {
                return new ReverseSearchController(reverse);
            }
            if (type == KeySolverController.class) {
                return new KeySolverController(solver);
            }
            return new CalculatorController(model);
        });
        try {
            Parent root = loader.load();
            return new CalculatorView(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("The Calculator screen's FXML did not load", e);
        }
    }

    public Parent root() {
        return root;
    }

    public CalculatorViewModel model() {
        return controller.model();
    }
}
