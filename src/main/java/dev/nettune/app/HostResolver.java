package dev.nettune.app;

import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.ssh.SessionTrust;
import dev.nettune.host.ssh.SshConfig;
import dev.nettune.host.ssh.SshHost;
import dev.nettune.host.ssh.SshOptions;
import dev.nettune.host.ssh.SshTarget;
import dev.nettune.store.HostInventory;
import dev.nettune.store.SavedHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns what a user types as a host into a {@link Host}: a built-in ({@code local},
 * {@code sandbox}), a saved inventory entry, an alias of ~/.ssh/config, or {@code user@host[:port]}.
 */
public final class HostResolver {
    private static final Pattern HOST_SPEC = Pattern.compile(
            "([A-Za-z0-9._][A-Za-z0-9._-]{0,63}@)?([A-Za-z0-9._%-]{1,253}|\\[[0-9A-Fa-f:.%]{2,64}\\])(:[0-9]{1,5})?");

    private final BuiltInHosts builtIns;
    private final Supplier<HostInventory> inventory;
    private final Supplier<Path> sshConfigFile;
    private final SessionTrust sessionTrust = new SessionTrust();

    public HostResolver(BuiltInHosts builtIns, Supplier<HostInventory> inventory, Supplier<Path> sshConfigFile) {
        this.builtIns = builtIns;
        this.inventory = inventory;
        this.sshConfigFile = sshConfigFile;
    }

    /** The host named {@code name}; nothing connects until its first command. */
    public Host resolve(String name, HostOptions options) throws HostException {
        Optional<Supplier<Host>> builtIn = builtIns.find(name);
        if (builtIn.isPresent()) {
            return builtIn.get().get();
        }
        return new SshHost(name, sshTarget(name, options), sshOptions(options));
    }

    /** Where an SSH host name leads (for display and tests); fails for built-in hosts. */
    public SshTarget sshTarget(String name, HostOptions options) throws HostException {
        checkSpec(name);
        SshConfig config = loadConfig();
        SshTarget target;
        try {
            Optional<SavedHost> saved = name.contains("@") || name.contains(":") ? Optional.empty() : inventory.get().find(name);
            target = saved.isPresent() ? fromSaved(saved.get(), config) : config.resolveSpec(name);
        } catch (IOException e) {
            throw new HostException("Cannot read " + config.file() + ": " + e.getMessage(), e);
        }
        if (options.identity().isPresent()) {
            List<Path> ids = new ArrayList<>();
            ids.add(options.identity().get());
            ids.addAll(target.identities());
            target = target.withIdentities(ids);
        }
        return target;
    }

    private static void checkSpec(String name) {
        if (name == null || name.isEmpty() || name.startsWith("-") || !HOST_SPEC.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a host: '" + name + "'. Give local, sandbox, a saved host, an alias of"
                    + " ~/.ssh/config, or user@host[:port] (IPv6 in brackets: user@[fd00::1]:22).");
        }
    }

    private static SshTarget fromSaved(SavedHost h, SshConfig config) throws IOException {
        SshTarget t = config.resolve(h.address(), h.port().orElse(0), h.user().orElse(null));
        if (h.keyPath().isPresent()) {
            List<Path> ids = new ArrayList<>();
            ids.add(h.keyPath().get());
            ids.addAll(t.identities());
            t = t.withIdentities(ids);
        }
        if (h.jump().isPresent()) {
            t = new SshTarget(t.hostName(), t.port(), t.user(), t.identities(), Optional.empty());
            SshTarget previous = null;
            for (String hop : h.jump().get().split(",")) {
                SshTarget hopTarget = config.resolveSpec(hop.strip());
                previous = previous == null ? hopTarget : hopTarget.withJump(previous);
            }
            t = t.withJump(previous);
        }
        return t;
    }

    private SshConfig loadConfig() throws HostException {
        Path file = sshConfigFile.get();
        try {
            return SshConfig.load(file);
        } catch (IOException | RuntimeException e) {
            throw new HostException("Cannot read the ssh configuration " + file + ": " + e.getMessage(), e);
        }
    }

    private SshOptions sshOptions(HostOptions options) {
        SshOptions o = SshOptions.defaults().withHostKeyDecision(options.hostKeyDecision()).withSecrets(options.secrets())
                .withSessionTrust(sessionTrust);
        return options.knownHosts().map(o::withKnownHosts).orElse(o);
    }
}
