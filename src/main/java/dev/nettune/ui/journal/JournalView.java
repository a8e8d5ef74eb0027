package dev.nettune.ui.journal;

import dev.nettune.ui.common.View;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.common.ScreenView;
import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import javafx.scene.Parent;

/** Loads the Journal screen (FXML, controller, view model) as one node for the main window. */
public final class JournalView implements ScreenView {
    private final Parent root;
    private final JournalViewModel model;

    private JournalView(Parent root, JournalViewModel model) {
        this.root = root;
        this.model = model;
    }

    public static JournalView load(AppContext context) {
        return load(context, () -> new dev.nettune.app.CloudPlans(context.cloudJournal(), dev.nettune.app.CloudAccounts.fromSystem(context),
                dev.nettune.cloud.ResourceWaiter.standard()));
    }

    /** The Journal with the cloud plans of {@code cloudPlans} (an isolated home's accounts in tests). */
    public static JournalView load(AppContext context, dev.nettune.app.CloudPlans cloudPlans) {
        return load(context, () -> cloudPlans);
    }

    /** The journal, the engine and the cloud plans are opened (SQLite) by the first refresh, on a worker. */
    private static JournalView load(AppContext context, java.util.function.Supplier<dev.nettune.app.CloudPlans> cloudPlans) {
        return load(new JournalViewModel(context::tuningJournal, context::tuningEngine,
                name -> context.hostResolver().resolve(name, HostOptions.defaults()), TaskRunner.application().workers(),
                TaskRunner.application().ui()::execute, () -> java.util.Optional.of(cloudPlans.get())));
    }

    public static JournalView load(JournalViewModel model) {
        Parent root = View.JOURNAL.load(new JournalController(model));
        // The journal changes while other screens apply plans: show it fresh whenever it is shown.
        root.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.refresh();
            }
        });
        return new JournalView(root, model);
    }

    @Override
    public Parent root() {
        return root;
    }

    public JournalViewModel model() {
        return model;
    }
}
