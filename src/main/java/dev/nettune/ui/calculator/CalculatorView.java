package dev.nettune.ui.calculator;

import dev.nettune.app.AppContext;
import dev.nettune.ui.common.ScreenView;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.common.View;
import javafx.scene.Parent;

/** Loads the Calculator screen (FXML, controllers, view models) as one node for the main window. */
public final class CalculatorView implements ScreenView {
    private final Parent root;
    private final CalculatorController controller;

    private CalculatorView(Parent root, CalculatorController controller) {
        this.root = root;
        this.controller = controller;
    }

    public static CalculatorView load(AppContext context) {
        return load(TaskRunner.application());
    }

    /** The screen with its analyses running on {@code tasks}. */
    public static CalculatorView load(TaskRunner tasks) {
        CalculatorViewModel model = new CalculatorViewModel();
        CalculatorController controller = new CalculatorController(model);
        Parent root = View.CALCULATOR.load(controller,
                new DistributionController(new DistributionViewModel(model, tasks.newWork())),
                new ReverseSearchController(new ReverseSearchViewModel(model, tasks.newWork())),
                new KeySolverController(new KeySolverViewModel(model, tasks.newWork())));
        return new CalculatorView(root, controller);
    }

    @Override
    public Parent root() {
        return root;
    }

    public CalculatorViewModel model() {
        return controller.model();
    }
}
