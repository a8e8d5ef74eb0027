package dev.nettune.ui.monitor;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.monitor.Hping3Sender;
import dev.nettune.monitor.TrafficSender;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxSender;
import dev.nettune.store.RecordingStore;
import dev.nettune.store.SavedHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads the Monitor screen (FXML, controller, view model) for the main window, and starts
 * monitoring the sandbox's eth1 with background traffic on, so the charts move at first start.
 */
public final class MonitorView {
    /** Background traffic the sandbox gets when the Monitor opens on it. */
    static final int SANDBOX_BACKGROUND_PPS = 3000;

    private final Parent root;
    private final MonitorController controller;

    private MonitorView(Parent root, MonitorController controller) {
        this.root = root;
        this.controller = controller;
    }

    public static MonitorView load(AppContext context) {
        ExecutorService background = Executors.newCachedThreadPool(daemon("monitor-work"));
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("monitor-sampler"));
        MonitorViewModel model = new MonitorViewModel(context.hostResolver(), hostChoices(context),
                recordings(context), (sender, receiver, nic) -> sender(context, sender, receiver, nic), background, scheduler,
                Platform::runLater, System::currentTimeMillis, (host, nic) -> () -> {
                    if (host.equals(SandboxInstance.NAME) && !context.sandboxTraffic().backgroundRunning()) {
                        context.sandboxTraffic().startBackground(nic, SANDBOX_BACKGROUND_PPS);
                    }
                });
        FXMLLoader loader = new FXMLLoader(MonitorView.class.getResource("MonitorView.fxml"));
        loader.setControllerFactory(type -> new MonitorController(model));
        try {
            Parent root = loader.load();
            MonitorView view = new MonitorView(root, loader.getController());
            model.onProposal(context.rssProposals()::propose);
            model.loadNics();
            model.start();
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("The Monitor screen's FXML did not load", e);
        }
    }

    static List<String> hostChoices(AppContext context) {
        List<String> names = new ArrayList<>();
        names.add(SandboxInstance.NAME);
        for (String n : context.builtInHosts().names()) {
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        try {
            for (SavedHost h : context.hostInventory().list()) {
                names.add(h.name());
            }
        } catch (RuntimeException e) {
            // No database (read-only config dir): built-in hosts only.
        }
        return names;
    }

    private static Optional<RecordingStore> recordings(AppContext context) {
        try {
            return Optional.of(new RecordingStore(context.database()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The sandbox sender for the sandbox pair; hping3 on any other sender host. */
    static TrafficSender sender(AppContext context, String sender, String receiver, String nic) throws Exception {
        if (sender.equals(SandboxInstance.NAME)) {
            if (!receiver.equals(SandboxInstance.NAME)) {
                throw new IllegalArgumentException("The sandbox sender reaches only the sandbox instance: pick a real sender host "
                        + "with hping3 for " + receiver + ".");
            }
            return new SandboxSender(context.sandboxTraffic(), nic);
        }
        return new Hping3Sender(context.hostResolver().resolve(sender, HostOptions.defaults()));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public Parent root() {
        return root;
    }

    public MonitorViewModel model() {
        return controller.model();
    }

    QueueCharts charts() {
        return controller.charts();
    }
}
