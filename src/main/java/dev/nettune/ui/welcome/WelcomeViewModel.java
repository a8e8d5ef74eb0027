package dev.nettune.ui.welcome;

import dev.nettune.app.Workstation;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Welcome page's state: the workstation as read in the background (accounts, SSH hosts, known
 * hosts), each as one sentence that says what was found and where, and what to do when nothing was.
 */
public final class WelcomeViewModel {
    private final Supplier<Workstation.State> reader;
    private final Executor worker;
    private final Consumer<Runnable> ui;

    public final StringProperty accounts = new SimpleStringProperty("Reading ~/.aliyun/config.json ...");
    public final StringProperty sshHosts = new SimpleStringProperty("Reading ~/.ssh/config ...");
    public final StringProperty knownHosts = new SimpleStringProperty("Reading ~/.ssh/known_hosts ...");
    public final StringProperty problems = new SimpleStringProperty("");
    public final BooleanProperty reading = new SimpleBooleanProperty(false);

    public WelcomeViewModel(Supplier<Workstation.State> reader, Executor worker, Consumer<Runnable> ui) {
        this.reader = reader;
        this.worker = worker;
        this.ui = ui;
    }

    /** Reads the workstation off the calling thread; the sentences change when the read is done. */
    public void refresh() {
        reading.set(true);
        worker.execute(() -> {
            try {
                Workstation.State s = reader.get();
                ui.accept(() -> show(s));
            } catch (RuntimeException e) {
                ui.accept(() -> {
                    reading.set(false);
                    problems.set("Could not read the workstation: " + e.getMessage());
                });
            }
        });
    }

    private void show(Workstation.State s) {
        reading.set(false);
        accounts.set(s.accounts().isEmpty()
                ? "No Alibaba Cloud account found (no profile in " + s.accountsFile() + ", no ALIBABA_CLOUD_ACCESS_KEY_ID"
                + " in the environment): the Cloud screen works on the built-in sandbox region; `aliyun configure` adds one."
                : s.accounts().size() + " Alibaba Cloud account" + plural(s.accounts().size()) + " found: "
                + list(s.accounts()) + ". Pick one on the Cloud screen.");
        sshHosts.set(s.sshHosts().isEmpty()
                ? "No hosts in " + s.sshConfig() + ": add one on the Hosts screen (by hand), or the sandbox host is ready."
                : s.sshHosts().size() + " host" + plural(s.sshHosts().size()) + " in " + s.sshConfig() + ": "
                + list(s.sshHosts()) + ". Add them on the Hosts screen.");
        knownHosts.set(s.knownHosts() == 0
                ? "No known host keys in " + s.knownHostsFile() + ": NetTune asks before it trusts a new host's key."
                : s.knownHosts() + " known host key" + plural(s.knownHosts()) + " in " + s.knownHostsFile()
                + ": NetTune verifies every host against them.");
        problems.set(s.problems().isEmpty() ? "" : "Could not read: " + String.join("; ", s.problems()));
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    /** At most five names, then how many more. */
    static String list(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
