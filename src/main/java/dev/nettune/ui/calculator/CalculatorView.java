package dev.nettune.ui.calculator;

import dev.nettune.app.AppContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the Calculator screen (FXML, controller, view model) as one node for the main window. */
public final class CalculatorView {
    private final Parent root;
    private final CalculatorController controller;

    private CalculatorView(Parent root, CalculatorController controller) {
        this.root = root;
        this.controller = controller;
    }

    public static CalculatorView load(AppContext context) {
        CalculatorViewModel model = new CalculatorViewModel();
        FXMLLoader loader = new FXMLLoader(CalculatorView.class.getResource("CalculatorView.fxml"));
        loader.setControllerFactory(type -> new CalculatorController(model));
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
