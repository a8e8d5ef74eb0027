package dev.nettune.ui.welcome;

import dev.nettune.app.AppContext;
import dev.nettune.app.Workstation;
import dev.nettune.ui.common.ScreenView;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.common.View;
import java.util.function.Supplier;
import javafx.scene.Parent;

/** Loads the Welcome page (FXML, controller, view model); it reads the workstation in the background. */
public final class WelcomeView implements ScreenView {
    private final Parent root;
    private final WelcomeViewModel model;

    private WelcomeView(Parent root, WelcomeViewModel model) {
        this.root = root;
        this.model = model;
    }

    public static WelcomeView load(AppContext context) {
        return load(() -> Workstation.readSystem(context));
    }

    /** The page over this reader of the workstation (an isolated home in tests). */
    public static WelcomeView load(Supplier<Workstation.State> reader) {
        WelcomeViewModel model = new WelcomeViewModel(reader, TaskRunner.application().workers(),
                TaskRunner.application().ui()::execute);
        WelcomeView view = new WelcomeView(View.WELCOME.load(new WelcomeController(model)), model);
        model.refresh();
        return view;
    }

    @Override
    public Parent root() {
        return root;
    }

    public WelcomeViewModel model() {
        return model;
    }
}
