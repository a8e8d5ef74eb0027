package dev.nettune.ui.profiles;

import dev.nettune.app.AppContext;
import dev.nettune.ui.common.ScreenView;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.common.View;
import javafx.scene.Parent;

/** Loads the profile editor screen (FXML, controller, view model) for the main window. */
public final class ProfileEditorView implements ScreenView {
    private final Parent root;
    private final ProfileEditorController controller;

    private ProfileEditorView(Parent root, ProfileEditorController controller) {
        this.root = root;
        this.controller = controller;
    }

    /** The editor over the app's profile library; it opens on the seed's full workflow. */
    public static ProfileEditorView load(AppContext context) {
        ProfileEditorViewModel model = new ProfileEditorViewModel(context.profiles(), TaskRunner.application().workers(),
                TaskRunner.application().ui()::execute);
        ProfileEditorView view = load(model);
        model.refresh(dev.nettune.tuning.Profile.SEED_WORKFLOW);
        return view;
    }

    public static ProfileEditorView load(ProfileEditorViewModel model) {
        ProfileEditorController controller = new ProfileEditorController(model);
        return new ProfileEditorView(View.PROFILES.load(controller), controller);
    }

    @Override
    public Parent root() {
        return root;
    }

    public ProfileEditorViewModel model() {
        return controller.model();
    }
}
