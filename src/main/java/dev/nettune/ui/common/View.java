package dev.nettune.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Every FXML view that declares its controller ({@code fx:controller}), and the one way to load it:
 * {@code View.MONITOR.load(controller)}. Pass every controller the file and its {@code fx:include}s
 * name (the calculator passes four); each is matched by class, so the view never builds controllers
 * itself and they keep their constructor-injected view models.
 *
 * <p>To add a screen: add its FXML under {@code src/main/resources/dev/nettune/ui/<screen>/}, an entry
 * here, and load it from the screen's {@code XxxView.load(...)}. Wizard pages without
 * {@code fx:controller} load with {@link #page(URL, Object)}.
 */
public enum View {
    WELCOME("welcome/WelcomeView.fxml"),
    CALCULATOR("calculator/CalculatorView.fxml"),
    HOSTS("hosts/HostsView.fxml"),
    MONITOR("monitor/MonitorView.fxml"),
    MONITOR_VERIFY("monitor/VerifyPanel.fxml"),
    MONITOR_DPDK("monitor/DpdkPanel.fxml"),
    MONITOR_RECORDINGS("monitor/RecordingsPanel.fxml"),
    BALANCE("balance/BalanceView.fxml"),
    TUNING("tuning/TuningView.fxml"),
    PROFILES("profiles/ProfileEditorView.fxml"),
    FLEET("fleet/FleetView.fxml"),
    JOURNAL("journal/JournalView.fxml"),
    CLOUD("cloud/CloudView.fxml"),
    HOST_KEY("common/hostkey/HostKeyView.fxml"),
    PASSWORD_PROMPT("common/hostkey/PasswordPromptView.fxml");

    private static final String BASE = "/dev/nettune/ui/";
    private final String path;

    View(String path) {
        this.path = path;
    }

    /** Where the FXML is on the class path. */
    public URL url() {
        return Objects.requireNonNull(View.class.getResource(BASE + path), () -> "FXML missing from the build: " + BASE + path);
    }

    /**
     * Loads the view with these controllers (each {@code fx:controller} of the file and its includes
     * gets the one of its class). A missing controller fails with the class it needed.
     */
    public Parent load(Object... controllers) {
        FXMLLoader loader = new FXMLLoader(url(), Messages.bundle());
        loader.setControllerFactory(type -> Arrays.stream(controllers).filter(type::isInstance).findFirst()
                .orElseThrow(() -> new IllegalStateException(name() + " (" + path + ") needs a " + type.getSimpleName()
                        + " controller; given: " + Arrays.stream(controllers).map(c -> c.getClass().getSimpleName()).toList())));
        return load(loader, name());
    }

    /** Loads an FXML without {@code fx:controller} (a wizard page) with this controller. */
    public static Parent page(URL fxml, Object controller) {
        FXMLLoader loader = new FXMLLoader(Objects.requireNonNull(fxml, "fxml"), Messages.bundle());
        loader.setController(controller);
        return load(loader, fxml.toString());
    }

    private static Parent load(FXMLLoader loader, String what) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The view " + what + " did not load: " + e.getMessage(), e);
        }
    }
}
