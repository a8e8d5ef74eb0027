package dev.nettune.ui.tuning;

import dev.nettune.ui.common.Messages;
import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.tuning.Profile;
import dev.nettune.ui.common.ScreenView;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.common.View;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Parent;

/** Loads the Tuning screen (FXML, controller, view model) as one node for the main window. */
public final class TuningView implements ScreenView {
    private final Parent root;
    private final TuningController controller;

    private TuningView(Parent root, TuningController controller) {
        this.root = root;
        this.controller = controller;
    }

    public static TuningView load(AppContext context) {
        // The built-in profiles need no I/O: they show at once; the saved ones and the hosts follow from a worker.
        TuningViewModel model = new TuningViewModel(
                name -> context.hostResolver().resolve(name, HostOptions.defaults()),
                context::tuningEngine, List.of(), Profile.builtIn(), TaskRunner.application().workers(), TaskRunner.application().ui()::execute);
        // The directory lists the sandbox first (a newcomer can try every step safely) and skips an unreadable inventory;
        // the host chosen last time (on any screen) comes back, and a new choice is remembered from then on.
        model.load(() -> context.hostDirectory().names(), () -> context.profiles().all(), () -> {
            context.settings().current().lastHost().filter(model.hosts()::contains).ifPresent(model.hostProperty()::set);
            model.hostProperty().addListener((o, was, is) -> context.settings().update(st -> st.withLastHost(is)));
            // An RSS change proposed elsewhere (the Monitor's verification fix) fills the RSS editor, ready to plan.
            context.rssProposals().latest().ifPresent(p -> propose(model, p));
        });
        context.rssProposals().subscribe(p -> Platform.runLater(() -> propose(model, p)));
        return load(model);
    }

    private static void propose(TuningViewModel model, dev.nettune.app.RssProposals.Proposal p) {
        if (model.hosts().contains(p.host())) {
            model.hostProperty().set(p.host());
        }
        model.nicEditor().nicProperty().set(p.nic());
        model.nicEditor().rssKeyProperty().set(p.key().orElse(""));
        model.nicEditor().rssTableProperty().set(p.table().orElse(""));
        model.statusProperty().set(Messages.format("tuning.status.proposed", p.reason()));
    }

    public static TuningView load(TuningViewModel model) {
        TuningController controller = new TuningController(model);
        return new TuningView(View.TUNING.load(controller), controller);
    }

    @Override
    public Parent root() {
        return root;
    }

    public TuningViewModel model() {
        return controller.model();
    }
}
