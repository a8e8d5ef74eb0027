package dev.nettune.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands a proposed RSS change from one screen to another: the Monitor's verification fix (a new
 * key, a different table) to the Tuning screen, which plans it with preview and rollback. Keeps
 * the latest proposal for a screen that is built after it was made. Thread-safe.
 */
public final class RssProposals {
    /** A key and/or table (as {@code ethtool -X} takes them) for a host's NIC, and why. */
    public record Proposal(String host, String nic, Optional<String> key, Optional<String> table, String reason) {
        public Proposal {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(nic, "nic");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final List<Consumer<Proposal>> listeners = new CopyOnWriteArrayList<>();
    private volatile Proposal latest;

    public void propose(Proposal p) {
        latest = Objects.requireNonNull(p, "proposal");
        for (Consumer<Proposal> l : listeners) {
            l.accept(p);
        }
    }

    public Optional<Proposal> latest() {
        return Optional.ofNullable(latest);
    }

    /** Called with every later proposal, on the proposing thread. */
    public void subscribe(Consumer<Proposal> listener) {
        listeners.add(listener);
    }
}
