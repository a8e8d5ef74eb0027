package dev.nettune.ui.fleet;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.ui.common.ScreenView;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.common.View;
import javafx.scene.Parent;

/** Loads the Fleet screen (FXML, controller, view model) as one node for the main window. */
public final class FleetView implements ScreenView {
    private final Parent root;
    private final FleetViewModel model;

    private FleetView(Parent root, FleetViewModel model) {
        this.root = root;
        this.model = model;
    }

    public static FleetView load(AppContext context) {
        TaskRunner tasks = TaskRunner.application();
        return load(new FleetViewModel(context.fleet(), HostOptions.defaults(), tasks.workers(), tasks.ui(), tasks.scheduler(),
                tasks.clock()));
    }

    public static FleetView load(FleetViewModel model) {
        Parent root = View.FLEET.load(new FleetController(model));
        model.loadProfiles();
        return new FleetView(root, model);
    }

    @Override
    public Parent root() {
        return root;
    }

    public FleetViewModel model() {
        return model;
    }

    /** Stops a run's new instances and the fleet monitor's samplers. */
    @Override
    public void close() {
        model.close();
    }
}
