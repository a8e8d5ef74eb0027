package dev.nettune.ui.hosts;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.host.Host;
import dev.nettune.host.HostStateReader;
import dev.nettune.host.ssh.SshConfig;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.store.SavedHost;
import dev.nettune.ui.hostkey.FxHostPrompts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the Hosts screen (FXML, controller, view model) and wires it to the application's hosts. */
public final class HostsView {
    private final Parent root;
    private final HostsController controller;

    private HostsView(Parent root, HostsController controller) {
        this.root = root;
        this.controller = controller;
    }

    public static HostsView load(AppContext context) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hosts-screen-reader");
            t.setDaemon(true);
            return t;
        });
        Parent[] rootRef = new Parent[1];
        FxHostPrompts prompts = new FxHostPrompts(() -> rootRef[0] == null || rootRef[0].getScene() == null ? null
                : rootRef[0].getScene().getWindow());
        HostStateReader reader = new HostStateReader();
        HostsViewModel model = new HostsViewModel(() -> entries(context), (name, nic) -> {
            HostOptions options = HostOptions.defaults().withHostKeyDecision(prompts).withSecrets(prompts);
            try (Host h = context.hostResolver().resolve(name, options)) {
                return reader.read(h, nic, HostStateReader.DEFAULT_TIMEOUT);
            }
        }, executor, Platform::runLater);
        HostsController.HostsActions actions = new HostsController.HostsActions() {
            @Override
            public List<String> sshConfigAliases() throws IOException {
                return SshConfig.load(SshConfig.defaultFile()).aliases();
            }

            @Override
            public void addSaved(String name, String address, String user, String port, String jump, String key) {
                OptionalInt p;
                try {
                    p = port.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("SSH port '" + port + "' is not a number; allowed: 1 to 65535.");
                }
                SavedHost h = new SavedHost(name, address, optional(user), p, optional(jump),
                        key.isEmpty() ? Optional.empty() : Optional.of(Path.of(key.replaceFirst("^~", System.getProperty("user.home")))));
                if (!context.hostInventory().add(h)) {
                    throw new IllegalArgumentException("A saved host named '" + name + "' exists already; remove it first or pick another name.");
                }
            }

            @Override
            public void removeSaved(String name) {
                context.hostInventory().remove(name);
            }
        };
        FXMLLoader loader = new FXMLLoader(HostsView.class.getResource("HostsView.fxml"));
        loader.setControllerFactory(type -> new HostsController(model, actions));
        try {
            Parent root = loader.load();
            rootRef[0] = root;
            return new HostsView(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("The Hosts screen's FXML did not load", e);
        }
    }

    private static Optional<String> optional(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** The sandbox first, then this workstation, then the saved hosts. */
    static List<HostsViewModel.HostEntry> entries(AppContext context) {
        List<HostsViewModel.HostEntry> list = new ArrayList<>();
        list.add(new HostsViewModel.HostEntry(SandboxInstance.NAME, "built-in", "simulated ECS, Alibaba Cloud Linux 3"));
        list.add(new HostsViewModel.HostEntry("local", "built-in", "this workstation"));
        for (SavedHost h : context.hostInventory().list()) {
            list.add(new HostsViewModel.HostEntry(h.name(), "saved", h.user().map(u -> u + "@").orElse("") + h.address()
                    + (h.port().isPresent() ? ":" + h.port().getAsInt() : "") + h.jump().map(j -> " via " + j).orElse("")));
        }
        return list;
    }

    public Parent root() {
        return root;
    }

    public HostsViewModel model() {
        return controller.model();
    }
}
