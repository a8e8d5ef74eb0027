package dev.nettune.fleet;

import java.util.Objects;
import java.util.Optional;

/**
 * How one instance of a run was reached, as the journal keeps it so that {@code fleet status} and
 * {@code fleet undo RUN} need nothing but the run id: the transport, the address (a host spec for SSH,
 * the instance id for Cloud Assistant), the login user, the key FILE and known_hosts FILE (paths, never
 * key material), and for Cloud Assistant the region, endpoint override and account name. For SSH,
 * {@code endpoint} keeps where the login resolved to when the run started ({@code user@host:port} and its
 * bastions), for the record; the address as given is what reopens it. No field can hold a secret: there
 * is none for a password, passphrase or AccessKey.
 */
public record TransportChoice(Transport transport, String address, Optional<String> user, Optional<String> keyFile,
                              Optional<String> knownHosts, Optional<String> region, Optional<String> endpoint,
                              Optional<String> account) {
    public TransportChoice {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        if (address.isBlank() || address.chars().anyMatch(c -> c < 0x20)) {
            throw new FleetInputException("An address must be one line of text, not empty; got '" + address + "'.");
        }
        user = clean(user);
        keyFile = clean(keyFile);
        knownHosts = clean(knownHosts);
        region = clean(region);
        endpoint = clean(endpoint);
        account = clean(account);
    }

    private static Optional<String> clean(Optional<String> v) {
        return v == null ? Optional.empty() : v.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** SSH to {@code address} (a host spec the resolver understands), with what the login used. */
    public static TransportChoice ssh(String address, Optional<String> user, Optional<String> keyFile,
                                      Optional<String> knownHosts) {
        return new TransportChoice(Transport.SSH, address, user, keyFile, knownHosts, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Cloud Assistant on {@code instanceId} in {@code region}, through {@code endpoint} (empty: the public one) as {@code account}. */
    public static TransportChoice cloudAssistant(String instanceId, String region, Optional<String> endpoint,
                                                 Optional<String> account) {
        return new TransportChoice(Transport.CLOUD_ASSISTANT, instanceId, Optional.of("root"), Optional.empty(),
                Optional.empty(), Optional.of(region), endpoint, account);
    }

    /** A host NetTune brings along ({@code sandbox}, {@code local}). */
    public static TransportChoice builtIn(String name) {
        return new TransportChoice(Transport.BUILT_IN, name, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** One line for a person: {@code ssh ecs-user@10.0.0.5 (key ~/.ssh/id_prod)}, {@code cloud-assistant i-... in cn-hongkong}. */
    public String display() {
        StringBuilder sb = new StringBuilder(transport.word()).append(' ');
        if (transport == Transport.SSH && user.isPresent() && !address.contains("@")) {
            sb.append(user.get()).append('@');
        }
        sb.append(address);
        region.ifPresent(r -> sb.append(" in ").append(r));
        endpoint.ifPresent(e -> sb.append(" via ").append(e));
        account.ifPresent(a -> sb.append(" as ").append(a));
        keyFile.ifPresent(k -> sb.append(" (key ").append(k).append(')'));
        return sb.toString();
    }
}
