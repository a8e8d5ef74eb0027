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

    /** Registers (or replaces) a built-in host; {@code factory} makes a new instance per use. */
    public void register(String name, Supplier<Host> factory) {
        if (hosts.put(name, factory) == null) {
            order.add(name);
        }
    }

    public Optional<Supplier<Host>> find(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** Names in the order they were registered. */
    public List<String> names() {
        return new ArrayList<>(order);
    }
}
