package dev.nettune.ui.balance;

import dev.nettune.app.AppContext;
import dev.nettune.app.BalanceService;
import dev.nettune.app.HostOptions;
import dev.nettune.host.Host;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.Cancellation;
import dev.nettune.ui.common.ScreenView;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.common.View;
import javafx.scene.Parent;

/** The Balance screen, wired to the application: flows read over the Host port, proposals applied through the tuning engine. */
public final class BalanceView implements ScreenView {
    private final Parent root;

    private BalanceView(Parent root) {
        this.root = root;
    }

    public static BalanceView load(AppContext context) {
        BalanceService service = new BalanceService();
        BalanceViewModel model = new BalanceViewModel(
                (h, n, u) -> {
                    try (Host host = context.hostResolver().resolve(h, HostOptions.defaults())) {
                        return service.read(host, n, u);
                    }
                },
                (h, n, p) -> {
                    try (Host host = context.hostResolver().resolve(h, HostOptions.defaults())) {
                        return BalanceService.apply(context.tuningEngine(), host, n, p, dev.nettune.ui.common.Messages.locale(),
                                ApplyOptions.defaults(() -> context.hostResolver().resolve(h, HostOptions.defaults())),
                                ApplyListener.NONE, new Cancellation());
                    }
                },
                service, TaskRunner.application());
        return new BalanceView(View.BALANCE.load(new BalanceController(model)));
    }

    @Override
    public Parent root() {
        return root;
    }
}
