package dev.nettune.app;

import dev.nettune.host.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The hosts NetTune brings along, by name: {@code local} (this workstation) and {@code sandbox}
 * (the simulated instance, registered by the sandbox area). A saved host cannot take their names.
 */
public final class BuiltInHosts {
    private final Map<String, Supplier<Host>> hosts = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, String> descriptions = new ConcurrentHashMap<>();

    /** Registers (or replaces) a built-in host; {@code factory} makes a new instance per use. */
    public void register(String name, Supplier<Host> factory) {
        register(name, "", factory);
    }

    /** As {@link #register(String, Supplier)}, with what the host is, for lists ("this workstation"). */
    public void register(String name, String description, Supplier<Host> factory) {
        descriptions.put(name, description);
        if (hosts.put(name, factory) == null) {
            order.add(name);
        }
    }

    /** What the host is, as registered (empty when not said). */
    public String description(String name) {
        return descriptions.getOrDefault(name, "");
    }

    public Optional<Supplier<Host>> find(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** Names in the order they were registered. */
    public List<String> names() {
        return new ArrayList<>(order);
    }
}
