package dev.nettune.ui.welcome;

import dev.nettune.app.Workstation;
import dev.nettune.ui.common.Messages;
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

    private final StringProperty accounts = new SimpleStringProperty(Messages.format("welcome.reading", "~/.aliyun/config.json"));
    private final StringProperty sshHosts = new SimpleStringProperty(Messages.format("welcome.reading", "~/.ssh/config"));
    private final StringProperty knownHosts = new SimpleStringProperty(Messages.format("welcome.reading", "~/.ssh/known_hosts"));
    private final StringProperty problems = new SimpleStringProperty("");
    private final BooleanProperty reading = new SimpleBooleanProperty(false);

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
                    problems.set(Messages.format("welcome.cannotReadWorkstation", Messages.problem(e)));
                });
            }
        });
    }

    private void show(Workstation.State s) {
        reading.set(false);
        accounts.set(s.accounts().isEmpty()
                ? Messages.format("welcome.noAccount", s.accountsFile().toString())
                : Messages.format("welcome.accounts", s.accounts().size(), list(s.accounts())));
        sshHosts.set(s.sshHosts().isEmpty()
                ? Messages.format("welcome.noSshHosts", s.sshConfig().toString())
                : Messages.format("welcome.sshHosts", s.sshHosts().size(), s.sshConfig().toString(), list(s.sshHosts())));
        knownHosts.set(s.knownHosts() == 0
                ? Messages.format("welcome.noKnownHosts", s.knownHostsFile().toString())
                : Messages.format("welcome.knownHosts", s.knownHosts(), s.knownHostsFile().toString()));
        problems.set(s.problems().isEmpty() ? "" : Messages.format("welcome.cannotRead", String.join("; ", s.problems())));
    }

    /** At most five names, then how many more. */
    static String list(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : Messages.format("welcome.andMore", String.join(", ", names.subList(0, 5)), names.size() - 5);
    }

    public StringProperty accountsProperty() {
        return accounts;
    }

    public StringProperty sshHostsProperty() {
        return sshHosts;
    }

    public StringProperty knownHostsProperty() {
        return knownHosts;
    }

    public StringProperty problemsProperty() {
        return problems;
    }

    public BooleanProperty readingProperty() {
        return reading;
    }
}
