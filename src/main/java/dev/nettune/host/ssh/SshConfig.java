package dev.nettune.host.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;

/**
 * The user's {@code ~/.ssh/config} as OpenSSH reads it (via MINA's HostConfigEntry): Host
 * aliases and patterns, HostName, User, Port, IdentityFile and ProxyJump, first match wins.
 */
public final class SshConfig {
    private static final Pattern USER_HOST_PORT = Pattern.compile(
            "(?:([^@\\s]+)@)?(\\[[0-9A-Fa-f:.%a-zA-Z]+\\]|[^:@\\s\\[\\]]+)(?::(\\d{1,5}))?");
    private static final int MAX_HOPS = 8;

    private final Path file;
    private final List<HostConfigEntry> entries;
    private final HostConfigEntryResolver resolver;

    private SshConfig(Path file, List<HostConfigEntry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
        this.resolver = HostConfigEntry.toHostConfigEntryResolver(entries);
    }

    /** Reads {@code file}; a missing file is an empty configuration. */
    public static SshConfig load(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            return new SshConfig(file, List.of());
        }
        return new SshConfig(file, HostConfigEntry.readHostConfigEntries(file));
    }

    /** ~/.ssh/config. */
    public static Path defaultFile() {
        return dev.nettune.host.UserHome.path().resolve(".ssh").resolve("config");
    }

    public Path file() {
        return file;
    }

    /** The concrete names of Host lines (no wildcards or negations): what a user can pick from. */
    public List<String> aliases() {
        Set<String> names = new LinkedHashSet<>();
        for (HostConfigEntry e : entries) {
            for (String n : e.getHost().split("[\\s,]+")) {
                if (!n.isEmpty() && n.chars().noneMatch(c -> c == '*' || c == '?' || c == '!')) {
                    names.add(n);
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** True when a Host line names {@code alias} itself (not only a pattern matching it). */
    public boolean hasAlias(String alias) {
        return aliases().contains(alias);
    }

    /**
     * Where {@code ssh host} would go: the effective HostName, Port, User and IdentityFiles
     * after every matching Host block, and the ProxyJump chain resolved the same way.
     */
    public SshTarget resolve(String host) throws IOException {
        return resolve(host, 0, null, 0);
    }

    /** As {@link #resolve(String)}, with a user and port given on the command line (which win over the file). */
    public SshTarget resolve(String host, int port, String user) throws IOException {
        return resolve(host, port, user, 0);
    }

    private SshTarget resolve(String host, int port, String user, int depth) throws IOException {
        if (depth > MAX_HOPS) {
            throw new IOException("ProxyJump in " + file + " nests more than " + MAX_HOPS + " hops (a loop?) at '" + host + "'.");
        }
        HostConfigEntry e = resolver.resolveEffectiveHost(host, port, null, user, null, null);
        String hostName = e == null || e.getHostName() == null ? host : e.getHostName();
        int effectivePort = port > 0 ? port : e == null || e.getPort() <= 0 ? 22 : e.getPort();
        String effectiveUser = user != null ? user
                : e == null || e.getUsername() == null ? System.getProperty("user.name") : e.getUsername();
        List<Path> ids = new ArrayList<>();
        if (e != null && e.getIdentities() != null) {
            for (String id : e.getIdentities()) {
                ids.add(Path.of(id));
            }
        }
        Optional<SshTarget> jump = Optional.empty();
        String proxyJump = e == null ? null : e.getProxyJump();
        if (proxyJump != null && !proxyJump.isBlank() && !proxyJump.strip().equalsIgnoreCase("none")) {
            jump = Optional.of(jumpChain(proxyJump.strip(), depth));
        }
        return new SshTarget(hostName, effectivePort, effectiveUser, ids, jump);
    }

    /** {@code a,b,c}: connect to a, from there to b, from there to c; c is the last bastion. */
    private SshTarget jumpChain(String proxyJump, int depth) throws IOException {
        SshTarget previous = null;
        for (String hop : proxyJump.split(",")) {
            SshTarget t = hop(hop.strip(), depth + 1);
            previous = previous == null ? t : t.withJump(previous);
        }
        return previous;
    }

    /**
     * A host as typed on a command line or in a ProxyJump: {@code [user@]host[:port]}, where host
     * may be an alias of this file; user and port given here win over the file's.
     */
    public SshTarget resolveSpec(String spec) throws IOException {
        return hop(spec, 0);
    }

    private SshTarget hop(String spec, int depth) throws IOException {
        Matcher m = USER_HOST_PORT.matcher(spec.startsWith("ssh://") ? spec.substring(6) : spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a host: '" + spec + "'; expected [user@]host[:port] or an alias of " + file + ".");
        }
        String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
        int port = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return resolve(host, port, m.group(1), depth);
    }
}
