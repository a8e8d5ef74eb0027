package dev.nettune.app;

import dev.nettune.Phrase;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.ssh.SessionTrust;
import dev.nettune.host.ssh.SshConfig;
import dev.nettune.host.ssh.SshHost;
import dev.nettune.host.ssh.SshOptions;
import dev.nettune.host.ssh.SshTarget;
import dev.nettune.store.HostInventory;
import dev.nettune.store.SavedHost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
    private final Duration idleClose;
    private final Map<String, Pooled> pool = new HashMap<>();
    private final Map<String, char[]> sudoPasswords = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService IDLE = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nettune-ssh-idle-close");
        t.setDaemon(true);
        return t;
    });

    /** One pooled connection and how many handles on it are open. */
    private static final class Pooled {
        final SshHost host;
        int leases;
        ScheduledFuture<?> idle;

        Pooled(SshHost host) {
            this.host = host;
        }
    }

    public HostResolver(BuiltInHosts builtIns, Supplier<HostInventory> inventory, Supplier<Path> sshConfigFile) {
        this(builtIns, inventory, sshConfigFile, Duration.ofMinutes(2));
    }

    /** {@code idleClose}: how long a connection nobody holds stays open for the next user. */
    public HostResolver(BuiltInHosts builtIns, Supplier<HostInventory> inventory, Supplier<Path> sshConfigFile, Duration idleClose) {
        this.builtIns = builtIns;
        this.inventory = inventory;
        this.sshConfigFile = sshConfigFile;
        this.idleClose = idleClose;
    }

    /**
     * The host named {@code name}; nothing connects until its first command. SSH hosts are
     * pooled: handles on the same host with the same options share one connection, so the
     * screens and commands of a session do not each log in again; close the handle when done.
     */
    public Host resolve(String name, HostOptions options) throws HostException {
        Optional<Supplier<Host>> builtIn = builtIns.find(name);
        if (builtIn.isPresent()) {
            return builtIn.get().get();
        }
        return pooled(name, sshTarget(name, options), options);
    }

    /**
     * SSH host {@code name} reached through the bastion chain {@code jump} (ProxyJump form, first hop first; each hop a
     * saved host, an alias of ~/.ssh/config or user@host[:port], with its own user, key and bastion), instead of any
     * bastion ~/.ssh/config gives for it. Every hop's host key and the target's (under its own name, through the
     * tunnel) are verified against the same known_hosts. Pooled as {@link #resolve}.
     */
    public Host resolveVia(String name, String jump, HostOptions options) throws HostException {
        if (builtIns.find(name).isPresent()) {
            throw new HostException(Phrase.of("host.resolve.builtInNoBastion", "{0} is a built-in host; it is not reached over SSH,"
                    + " so not through a bastion.", name));
        }
        return pooled(name, sshTargetVia(name, jump, options), options);
    }

    /** Where {@code name} leads through the bastion chain {@code jump} (see {@link #resolveVia}); nothing connects. */
    public SshTarget sshTargetVia(String name, String jump, HostOptions options) throws HostException {
        SshTarget target = sshTarget(name, options);
        SshTarget previous = null;
        for (String hop : jump.split(",")) {
            String h = hop.strip();
            if (builtIns.find(h).isPresent()) {
                throw new dev.nettune.InputException(Phrase.of("host.resolve.builtInBastion", "{0} is a built-in host, not an SSH server;"
                        + " a bastion is a saved host, an alias of ~/.ssh/config or user@host[:port].", h));
            }
            // Each hop as ssh resolves a ProxyJump entry (its own user, port, keys; --identity tried first, as for the
            // target: one fleet key usually opens the bastion too); a later hop is reached through the one before.
            SshTarget t = sshTarget(h, options);
            previous = previous == null ? t : t.withJump(previous);
        }
        return new SshTarget(target.hostName(), target.port(), target.user(), target.identities(), Optional.ofNullable(previous));
    }

    /** The ProxyJump ~/.ssh/config gives for {@code name} as written there (aliases kept), or empty without one or with {@code none}. */
    public Optional<String> configProxyJump(String name) throws HostException {
        checkSpec(name);
        return configResolution(name).proxyJump().map(String::strip).filter(j -> !j.isEmpty() && !j.equalsIgnoreCase("none"));
    }

    private Host pooled(String name, SshTarget target, HostOptions options) throws HostException {
        List<Path> moreKnownHosts = options.knownHosts().isPresent() ? List.of() : configKnownHosts(name).stream().skip(1).toList();
        options = withSshConfigTrust(name, options);
        String key = name + "|" + target + "|" + options.knownHosts() + moreKnownHosts + "|"
                + System.identityHashCode(options.hostKeyDecision())
                + "|" + System.identityHashCode(options.secrets());
        synchronized (pool) {
            Pooled p = pool.get(key);
            if (p == null) {
                p = new Pooled(new SshHost(name, target, sshOptions(options).withMoreKnownHosts(moreKnownHosts)));
                char[] sudo = sudoPasswords.get(name);
                if (sudo != null) {
                    p.host.useSudoPassword(sudo);
                }
                pool.put(key, p);
            }
            p.leases++;
            if (p.idle != null) {
                p.idle.cancel(false);
                p.idle = null;
            }
            Pooled leased = p;
            return new SharedSshHost(p.host, () -> release(key, leased), pw -> rememberSudo(name, pw));
        }
    }

    private void release(String key, Pooled p) {
        synchronized (pool) {
            p.leases--;
            if (p.leases == 0) {
                p.idle = IDLE.schedule(() -> closeIfIdle(key, p), idleClose.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void closeIfIdle(String key, Pooled p) {
        synchronized (pool) {
            if (p.leases != 0 || pool.get(key) != p) {
                return;
            }
            pool.remove(key);
        }
        p.host.close();
    }

    private void rememberSudo(String name, char[] password) {
        char[] old = password == null ? sudoPasswords.remove(name) : sudoPasswords.put(name, password.clone());
        if (old != null) {
            Arrays.fill(old, '\0');
        }
        synchronized (pool) {
            for (Pooled p : pool.values()) {
                if (p.host.name().equals(name)) {
                    p.host.useSudoPassword(password);
                }
            }
        }
    }

    /** Open pooled connections (for tests and a status line). */
    public int openConnections() {
        synchronized (pool) {
            return (int) pool.values().stream().filter(p -> p.host.isConnected()).count();
        }
    }

    /** Closes every pooled connection and forgets the sudo passwords: the application is ending. */
    public void closeAll() {
        List<Pooled> all;
        synchronized (pool) {
            all = new ArrayList<>(pool.values());
            pool.clear();
        }
        all.forEach(p -> p.host.close());
        sudoPasswords.values().forEach(pw -> Arrays.fill(pw, '\0'));
        sudoPasswords.clear();
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
            throw new HostException(Phrase.of("host.resolve.cannotRead", "Cannot read {0}: {1}", config.file(), Phrase.from(e)), e);
        }
        if (options.identity().isPresent()) {
            List<Path> ids = new ArrayList<>();
            ids.add(options.identity().get());
            ids.addAll(target.identities());
            target = target.withIdentities(ids);
        }
        return target;
    }

    /**
     * The options with what ~/.ssh/config says about the host's key, as OpenSSH applies it: its first
     * UserKnownHostsFile (where ssh reads and writes the host's keys) unless {@code --known-hosts} was given, and
     * its StrictHostKeyChecking unless {@code --accept-new-host-key} was given (a command-line choice wins, as with
     * {@code ssh -o}): {@code yes} refuses an unknown key without asking, {@code accept-new} saves it; {@code no} and
     * {@code off} are taken as accept-new, because NetTune never connects to a host whose key changed.
     */
    HostOptions withSshConfigTrust(String name, HostOptions options) throws HostException {
        SshConfig.Resolution r = configResolution(name);
        HostOptions o = options;
        if (o.knownHosts().isEmpty() && !r.userKnownHostsFiles().isEmpty()) {
            o = o.withKnownHosts(Path.of(r.userKnownHostsFiles().get(0)));
        }
        if (options.hostKeyDecision() != HostKeyDecision.acceptAndSave() && r.strictHostKeyChecking().isPresent()) {
            switch (r.strictHostKeyChecking().get()) {
                case "yes" -> o = o.withHostKeyDecision(HostKeyDecision.refuse());
                case "accept-new", "no" -> o = o.withHostKeyDecision(HostKeyDecision.acceptAndSave());
                default -> {
                    // ask: whoever asks today (the GUI's dialog, the CLI's refusal) decides.
                }
            }
        }
        return o;
    }

    /** What ~/.ssh/config says for a host as typed, or for a saved host's address. */
    private SshConfig.Resolution configResolution(String name) throws HostException {
        SshConfig config = loadConfig();
        try {
            Optional<SavedHost> saved = name.contains("@") || name.contains(":") ? Optional.empty() : inventory.get().find(name);
            return saved.isPresent() ? config.resolution(saved.get().address(), saved.get().port().orElse(0),
                    saved.get().user().orElse(null)) : config.resolutionOfSpec(name);
        } catch (IOException e) {
            throw new HostException(Phrase.of("host.resolve.cannotRead", "Cannot read {0}: {1}", config.file(), Phrase.from(e)), e);
        }
    }

    /** Every known_hosts file ~/.ssh/config names for the host (UserKnownHostsFile), in order; empty for the default. */
    private List<Path> configKnownHosts(String name) throws HostException {
        return configResolution(name).userKnownHostsFiles().stream().map(Path::of).toList();
    }

    /**
     * What the ssh config could not apply for {@code name} (a {@code Match exec} block, ProxyCommand, ...), to show
     * beside the result; empty for built-in and saved hosts and when nothing was skipped.
     */
    public List<Phrase> configNotes(String name) {
        if (builtIns.find(name).isPresent() || name.contains("@") || name.contains(":")) {
            return List.of();
        }
        try {
            checkSpec(name);
            if (inventory.get().find(name).isPresent()) {
                return List.of();
            }
            return loadConfig().notes(name);
        } catch (IOException | HostException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Refuses what cannot be a host before anything connects or any API is called: the same rule and message
     * for every command that takes a host.
     */
    public static void checkName(String name) {
        checkSpec(name);
    }

    private static void checkSpec(String name) {
        if (name == null || name.isEmpty() || name.startsWith("-") || !HOST_SPEC.matcher(name).matches()) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("host.badSpec", "Not a host: '{0}'. Give local, sandbox, a saved"
                    + " host, an alias of ~/.ssh/config, or user@host[:port] (IPv6 in brackets: user@[fd00::1]:22).",
                    dev.nettune.host.Printable.clip(name)));
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
            throw new HostException(Phrase.of("host.resolve.cannotReadConfig", "Cannot read the ssh configuration {0}: {1}", file, Phrase.from(e)), e);
        }
    }

    private SshOptions sshOptions(HostOptions options) {
        SshOptions o = SshOptions.defaults().withHostKeyDecision(options.hostKeyDecision()).withSecrets(options.secrets())
                .withSessionTrust(sessionTrust);
        return options.knownHosts().map(o::withKnownHosts).orElse(o);
    }
}
