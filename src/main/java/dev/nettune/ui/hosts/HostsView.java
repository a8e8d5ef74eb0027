package dev.nettune.ui.hosts;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostDirectory;
import dev.nettune.app.HostOptions;
import dev.nettune.host.Host;
import dev.nettune.host.HostStateReader;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.ScreenView;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.ui.common.View;
import dev.nettune.ui.common.hostkey.FxHostPrompts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.scene.Parent;

/** Loads the Hosts screen (FXML, controller, view model) and wires it to the application's hosts. */
public final class HostsView implements ScreenView {
    private final Parent root;
    private final HostsController controller;

    private HostsView(Parent root, HostsController controller) {
        this.root = root;
        this.controller = controller;
    }

    /**
     * Reads a host's state over the resolver's (pooled) connection, off the UI thread, and tells the model when that
     * connection trusted the host's key just now.
     */
    static HostsViewModel.StateSource stateSource(dev.nettune.app.HostResolver resolver,
                                                  java.util.function.Supplier<HostOptions> options,
                                                  java.util.function.Supplier<HostsViewModel> model) {
        HostStateReader reader = new HostStateReader();
        return (name, nic) -> {
            try (Host h = resolver.resolve(name, options.get())) {
                try {
                    return reader.read(h, nic, HostStateReader.DEFAULT_TIMEOUT);
                } finally {
                    reportTrustedNow(model.get(), name, h);
                }
            }
        };
    }

    /** Tells the model when this read's connection trusted the host key just now (accepted, not verified). */
    private static void reportTrustedNow(HostsViewModel model, String name, Host h) {
        if (model != null && h instanceof dev.nettune.app.SharedSshHost ssh) {
            ssh.hostKeyTrust().filter(dev.nettune.host.HostKeyTrust::newlyTrusted).ifPresent(t ->
                    model.hostKeyTrustedNow(name, t.fingerprint(), t.savedTo().map(Object::toString)));
        }
    }

    public static HostsView load(AppContext context) {
        Parent[] rootRef = new Parent[1];
        FxHostPrompts prompts = new FxHostPrompts(() -> rootRef[0] == null || rootRef[0].getScene() == null ? null
                : rootRef[0].getScene().getWindow());
        HostsViewModel[] modelRef = new HostsViewModel[1];
        HostsViewModel model = new HostsViewModel(() -> entries(context), stateSource(context.hostResolver(),
                () -> HostOptions.defaults().withHostKeyDecision(prompts).withSecrets(prompts), () -> modelRef[0]),
                TaskRunner.application().workers(), TaskRunner.application().ui()::execute);
        modelRef[0] = model;
        // From the journal (the boot id of NetTune's last push) and the host's boot: whether the shown table is in effect.
        dev.nettune.app.VerificationService verification = new dev.nettune.app.VerificationService(context);
        model.onRssWarnings((name, nics) -> {
            HostOptions options = HostOptions.defaults().withHostKeyDecision(prompts).withSecrets(prompts);
            java.util.Map<String, dev.nettune.app.RssInEffect.Warning> out = new java.util.LinkedHashMap<>();
            try (Host h = context.hostResolver().resolve(name, options)) {
                for (String nic : nics) {
                    verification.rssWarning(h, nic).ifPresent(w -> out.put(nic, w));
                }
            }
            return out;
        });
        HostsController.HostsActions actions = new HostsController.HostsActions() {
            @Override
            public List<String> sshConfigAliases() throws IOException {
                return context.hostDirectory().sshConfigAliases();
            }

            @Override
            public void addSaved(String name, String address, String user, String port, String jump, String key) {
                OptionalInt p;
                try {
                    p = port.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(Messages.format("hosts.add.portNotNumber", port));
                }
                context.hostDirectory().save(new HostDirectory.NewHost(name, address, optional(user), p, optional(jump),
                        key.isEmpty() ? Optional.empty() : Optional.of(Path.of(key.replaceFirst("^~", System.getProperty("user.home"))))));
            }

            @Override
            public void removeSaved(String name) {
                context.hostDirectory().remove(name);
            }
        };
        HostsController controller = new HostsController(model, actions, TaskRunner.application());
        Parent root = View.HOSTS.load(controller);
        rootRef[0] = root;
        return new HostsView(root, controller);
    }

    private static Optional<String> optional(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** The application's hosts as {@link HostDirectory} lists them: the sandbox first, this workstation, saved, ssh config. */
    static List<HostsViewModel.HostEntry> entries(AppContext context) {
        return context.hostDirectory().list().stream()
                .map(e -> new HostsViewModel.HostEntry(e.name(), e.kind().label(), description(e)))
                .toList();
    }

    /** What the host is, in the app's language: built-in hosts by name, saved hosts by their address, aliases by their file. */
    static String description(HostDirectory.Entry e) {
        return switch (e.kind()) {
            case BUILT_IN -> Messages.bundle().containsKey("hosts.builtIn." + e.name())
                    ? Messages.get("hosts.builtIn." + e.name()) : e.description();
            case SAVED -> Messages.say(e.reachPhrase());
            case SSH_CONFIG -> e.description().startsWith(ALIAS_OF)
                    ? Messages.format("hosts.description.alias", e.description().substring(ALIAS_OF.length())) : e.description();
        };
    }

    private static final String ALIAS_OF = HostDirectory.ALIAS_OF;

    @Override
    public Parent root() {
        return root;
    }

    public HostsViewModel model() {
        return controller.model();
    }
}
