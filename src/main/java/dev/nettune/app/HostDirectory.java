package dev.nettune.app;

import dev.nettune.Phrase;
import dev.nettune.host.ssh.SshConfig;
import dev.nettune.host.ssh.SshTarget;
import dev.nettune.store.HostInventory;
import dev.nettune.store.SavedHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every host NetTune can reach, as one typed list: the built-in ones (the sandbox first, then
 * this workstation), the saved ones (SQLite inventory) and the aliases of ~/.ssh/config. The
 * Hosts, Monitor and Tuning screens and {@code nettune host list/add/remove} all read and change
 * hosts here, so they show the same hosts in the same order.
 */
public final class HostDirectory {
    /** Where a host comes from. */
    public enum Kind {
        BUILT_IN("built-in"), SAVED("saved"), SSH_CONFIG("ssh-config");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The word the CLI and the Hosts screen show. */
        public String label() {
            return label;
        }
    }

    /** How an ~/.ssh/config alias is described ("alias of " and the file): the CLI prints it, the Hosts screen says it in its language. */
    public static final String ALIAS_OF = "alias of ";

    /** One host: its name, where it comes from, and (for saved hosts) how to reach it. */
    public record Entry(String name, Kind kind, String description, Optional<String> address, Optional<String> user,
                        OptionalInt port, Optional<String> jump, Optional<Path> key) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(description, "description");
        }

        static Entry named(String name, Kind kind, String description) {
            return new Entry(name, kind, description, Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                    Optional.empty());
        }

        /** {@link #reach()} as a phrase the screens say in the user's language. */
        public Phrase reachPhrase() {
            return address.map(a -> jump.map(j -> Phrase.of("hosts.reach.via", "{0} via {1}", target(a), j))
                    .orElse(Phrase.literal(target(a)))).orElse(Phrase.literal(""));
        }

        private String target(String a) {
            return user.map(u -> u + "@").orElse("") + a + (port.isPresent() ? ":" + port.getAsInt() : "");
        }

        /** {@code user@address:port via jump}, the way ssh users write it (saved hosts; empty otherwise). */
        public String reach() {
            return address.map(a -> user.map(u -> u + "@").orElse("") + a + (port.isPresent() ? ":" + port.getAsInt() : "")
                    + jump.map(j -> " via " + j).orElse("")).orElse("");
        }
    }

    /** What a user gives to save a host (all but the name and address may be empty). */
    public record NewHost(String name, String address, Optional<String> user, OptionalInt port, Optional<String> jump,
                          Optional<Path> key) {
    }

    private final BuiltInHosts builtIns;
    private final Supplier<HostInventory> inventory;
    private final Supplier<Path> sshConfigFile;

    public HostDirectory(BuiltInHosts builtIns, Supplier<HostInventory> inventory, Supplier<Path> sshConfigFile) {
        this.builtIns = builtIns;
        this.inventory = inventory;
        this.sshConfigFile = sshConfigFile;
    }

    /** Built-in, saved, then ~/.ssh/config hosts; an unreadable inventory or ssh configuration leaves those out. */
    public List<Entry> list() {
        return list(sshConfigFile.get());
    }

    /** As {@link #list()}, with the aliases of {@code sshConfig} instead of ~/.ssh/config. */
    public List<Entry> list(Path sshConfig) {
        List<Entry> all = new ArrayList<>(builtInAndSaved());
        Set<String> names = new LinkedHashSet<>();
        all.forEach(e -> names.add(e.name()));
        for (String alias : sshConfigAliases(sshConfig)) {
            if (names.add(alias)) {
                all.add(Entry.named(alias, Kind.SSH_CONFIG, ALIAS_OF + sshConfig));
            }
        }
        return all;
    }

    /** The hosts a screen offers to connect to, by name, in the order of {@link #list()}. */
    public List<String> names() {
        return list().stream().map(Entry::name).toList();
    }

    private List<Entry> builtInAndSaved() {
        List<Entry> list = new ArrayList<>();
        for (String name : builtIns.names()) {
            list.add(Entry.named(name, Kind.BUILT_IN, builtIns.description(name)));
        }
        try {
            for (SavedHost h : inventory.get().list()) {
                list.add(entry(h));
            }
        } catch (RuntimeException e) {
            // No database (read-only config dir, locked file): the built-in hosts still work.
        }
        return list;
    }

    private static List<String> sshConfigAliases(Path file) {
        try {
            return SshConfig.load(file).aliases();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The concrete Host aliases of ~/.ssh/config, for "add from ssh config"; a broken file is an error here. */
    public List<String> sshConfigAliases() throws IOException {
        return SshConfig.load(sshConfigFile.get()).aliases();
    }

    /** The saved host of that name. */
    public Optional<Entry> findSaved(String name) {
        return inventory.get().find(name).map(HostDirectory::entry);
    }

    /**
     * Saves a host. Fails with a message saying what is wrong (bad name, address, port, a name taken
     * by a built-in or saved host) and what is allowed.
     */
    public Entry save(NewHost host) {
        SavedHost h = new SavedHost(host.name(), host.address(), host.user(), host.port(), host.jump(), host.key());
        if (!inventory.get().add(h)) {
            throw new dev.nettune.InputException(Phrase.of("host.saved.taken", "A host named '{0}' is saved already; remove it first"
                    + " (nettune host remove {0}) or pick another name.", h.name()));
        }
        return entry(h);
    }

    /**
     * The host an alias of the ssh configuration {@code sshConfig} (default ~/.ssh/config) describes,
     * ready to save: HostName, User, Port, ProxyJump and the first IdentityFile, each overridable.
     */
    public NewHost fromSshConfig(String alias, Optional<String> name, Optional<Path> sshConfig, OptionalInt port,
            Optional<String> user, Optional<String> jump, Optional<Path> identity) throws IOException {
        SshConfig config = SshConfig.load(sshConfig.orElseGet(sshConfigFile));
        if (!config.hasAlias(alias)) {
            throw new dev.nettune.InputException(config.aliases().isEmpty()
                    ? Phrase.of("host.saved.notAliasNone", "'{0}' is not a Host alias of {1} (it has none).", alias, config.file())
                    : Phrase.of("host.saved.notAlias", "'{0}' is not a Host alias of {1}; aliases there: {2}.", alias, config.file(),
                            String.join(", ", config.aliases())));
        }
        SshTarget t = config.resolve(alias, port.orElse(0), user.orElse(null));
        Optional<Path> key = identity.isPresent() ? identity : t.identities().stream().findFirst();
        return new NewHost(name.orElse(alias), t.hostName(), Optional.of(t.user()), OptionalInt.of(t.port()),
                jump.isPresent() ? jump : t.proxyJump(), key);
    }

    /** Forgets a saved host (its known_hosts entry stays); false when no saved host has that name. */
    public boolean remove(String name) {
        return inventory.get().remove(name);
    }

    private static Entry entry(SavedHost h) {
        Entry e = new Entry(h.name(), Kind.SAVED, "", Optional.of(h.address()), h.user(), h.port(), h.jump(), h.keyPath());
        return new Entry(e.name(), e.kind(), e.reach(), e.address(), e.user(), e.port(), e.jump(), e.key());
    }
}
