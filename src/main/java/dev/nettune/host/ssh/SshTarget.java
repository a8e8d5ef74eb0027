package dev.nettune.host.ssh;

import dev.nettune.Phrase;
import dev.nettune.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and as whom to log in: host name or address, port, user, the identity files to try,
 * the bastion to hop through (ProxyJump), itself a target verified with its own host key, and the known_hosts
 * files ~/.ssh/config names for this host (UserKnownHostsFile; empty: the connection's own), which a bastion's
 * key is checked against as OpenSSH checks each ProxyJump hop with that hop's settings.
 */
public record SshTarget(String hostName, int port, String user, List<Path> identities, Optional<SshTarget> jump,
                        List<Path> knownHosts) {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]{1,253}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._@-]{0,63}");

    public SshTarget {
        Objects.requireNonNull(hostName, "hostName");
        if (!HOST.matcher(hostName).matches() || hostName.startsWith("-")) {
            throw new InputException(Phrase.of("host.badHostName", "Not a host name or address: '{0}'. Allowed: letters, digits,"
                    + " '.', '-', ':' (IPv6), not starting with '-'.", hostName));
        }
        if (port < 1 || port > 65535) {
            throw new InputException(Phrase.of("host.portOutOfRange", "SSH port {0} is out of range; allowed: 1 to 65535.", port));
        }
        Objects.requireNonNull(user, "user");
        if (!USER.matcher(user).matches()) {
            throw new InputException(Phrase.of("host.badLogin", "Not a login name: '{0}'. Allowed: letters, digits, '.', '_', '-',"
                    + " '@', up to 64 characters, not starting with '-'.", user));
        }
        identities = List.copyOf(identities);
        Objects.requireNonNull(jump, "jump");
        knownHosts = List.copyOf(knownHosts);
    }

    public SshTarget(String hostName, int port, String user, List<Path> identities, Optional<SshTarget> jump) {
        this(hostName, port, user, identities, jump, List.of());
    }

    public SshTarget(String hostName, int port, String user) {
        this(hostName, port, user, List.of(), Optional.empty());
    }

    public SshTarget withIdentities(List<Path> files) {
        return new SshTarget(hostName, port, user, files, jump, knownHosts);
    }

    public SshTarget withJump(SshTarget bastion) {
        return new SshTarget(hostName, port, user, identities, Optional.of(bastion), knownHosts);
    }

    /** The host as known_hosts names it: {@code name}, or {@code [name]:port} off port 22. */
    public String knownHostsName() {
        return port == 22 ? hostName.toLowerCase(java.util.Locale.ROOT) : "[" + hostName.toLowerCase(java.util.Locale.ROOT) + "]:" + port;
    }

    /** {@code user@host[:port]} of this target alone, as ProxyJump and the inventory write it. */
    public String spec() {
        return user + "@" + (hostName.contains(":") ? "[" + hostName + "]" : hostName) + (port == 22 ? "" : ":" + port);
    }

    /** The bastions in the order they are hopped, as a ProxyJump value ({@code a,b}), or empty without one. */
    public Optional<String> proxyJump() {
        if (jump.isEmpty()) {
            return Optional.empty();
        }
        java.util.Deque<String> hops = new java.util.ArrayDeque<>();
        for (Optional<SshTarget> j = jump; j.isPresent(); j = j.get().jump()) {
            hops.addFirst(j.get().spec());
        }
        return Optional.of(String.join(",", hops));
    }

    /** {@code user@host:port}, with the bastion after "via". */
    public String display() {
        return user + "@" + (hostName.contains(":") ? "[" + hostName + "]" : hostName) + (port == 22 ? "" : ":" + port)
                + jump.map(j -> " via " + j.display()).orElse("");
    }
}
