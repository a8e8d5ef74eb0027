package dev.nettune.ui.monitor;

import dev.nettune.ui.common.Messages;
import dev.nettune.app.AppContext;
import dev.nettune.monitor.Recordings;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.ui.common.ScreenView;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.common.View;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Parent;

/**
 * Loads the Monitor screen (FXML, controller, view model) for the main window, and starts
 * monitoring the sandbox's eth1 with background traffic on, so the charts move at first start.
 */
public final class MonitorView implements ScreenView {
    /** Background traffic the sandbox gets when the Monitor opens on it. */
    static final int SANDBOX_BACKGROUND_PPS = 3000;

    private final Parent root;
    private final MonitorController controller;

    private final List<MonitorPanel> panels;

    private MonitorView(Parent root, MonitorController controller, List<MonitorPanel> panels) {
        this.root = root;
        this.controller = controller;
        this.panels = panels;
    }

    public static MonitorView load(AppContext context) {
        TaskRunner tasks = TaskRunner.application();
        MonitorTarget target = new MonitorTarget(List.of(SandboxInstance.NAME));
        // The host chosen last time (on any screen) comes back; a saved host once the list has it.
        java.util.Optional<String> last = context.settings().current().lastHost();
        last.filter(target.hostNames()::contains).ifPresent(target.hostProperty()::set);
        Supplier<Optional<Recordings>> store = once(() -> recordings(context));
        MonitorViewModel model = new MonitorViewModel(context.hostResolver(), target, store, tasks,
                (host, nic) -> () -> {
                    context.demoTraffic().startIfIdle(host, nic, SANDBOX_BACKGROUND_PPS);
                });
        MonitorPanel.Context panelContext = new MonitorPanel.Context(context, context.hostResolver(), tasks, target, model, store);
        List<MonitorPanel> panels = MonitorPanels.all().stream().map(f -> f.create(panelContext)).toList();
        MonitorController controller = new MonitorController(model, panels);
        Parent root = View.MONITOR.load(controller);
        // The saved hosts come from SQLite: read them off the FX thread.
        tasks.submit(() -> hostChoices(context), names -> {
            for (String n : names) {
                if (!target.hostNames().contains(n)) {
                    target.hostNames().add(n);
                }
            }
            last.filter(names::contains).filter(h -> !h.equals(target.hostProperty().get()))
                    .ifPresent(target.hostProperty()::set);
            target.hostProperty().addListener((o, was, is) -> context.settings().update(st -> st.withLastHost(is)));
        }, e -> model.statusProperty().set(Messages.format("monitor.savedHostsUnreadable", Messages.problem(e))));
        model.loadNics();
        model.start();
        return new MonitorView(root, controller, panels);
    }

    /** Asks {@code s} once, on first use (the store opens SQLite: never while the screen is built). */
    private static <T> Supplier<T> once(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }

    static List<String> hostChoices(AppContext context) {
        return context.hostDirectory().names();
    }

    private static Optional<Recordings> recordings(AppContext context) {
        try {
            return Optional.of(context.recordings());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    /** Ends the monitor session, its redraws and any verification: on exit of the application. */
    @Override
    public void close() {
        controller.model().close();
        panels.forEach(MonitorPanel::close);
    }

    public MonitorViewModel model() {
        return controller.model();
    }

    QueueCharts charts() {
        return controller.charts();
    }
}
