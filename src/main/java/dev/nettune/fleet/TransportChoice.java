package dev.nettune.fleet;

import dev.nettune.Phrase;
import java.util.Objects;
import java.util.Optional;

/**
 * How one instance of a run was reached, as the journal keeps it so that {@code fleet status} and
 * {@code fleet undo RUN} need nothing but the run id: the transport, the address (a host spec for SSH,
 * the instance id for Cloud Assistant), the login user, the key FILE and known_hosts FILE (paths, never
 * key material), and for Cloud Assistant the region, endpoint override and account name. For SSH,
 * {@code endpoint} keeps where the login resolved to when the run started ({@code user@host:port} and its
 * bastions), for the record; the address as given is what reopens it. {@code bastion} is the SSH bastion chain
 * (ProxyJump form: saved hosts, ssh-config aliases or {@code user@host[:port]}, comma-separated, first hop first)
 * that reopens the address through it, as {@code --bastion} gave it or ~/.ssh/config's ProxyJump said when the run
 * started. No field can hold a secret: there is none for a password, passphrase or AccessKey.
 */
public record TransportChoice(Transport transport, String address, Optional<String> user, Optional<String> keyFile,
                              Optional<String> knownHosts, Optional<String> region, Optional<String> endpoint,
                              Optional<String> account, Optional<String> bastion) {
    public TransportChoice {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        if (address.isBlank() || address.chars().anyMatch(c -> c < 0x20)) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.transport.badAddress", "An address must be one line of text, not empty;"
                    + " got '{0}'.", address));
        }
        user = clean(user);
        keyFile = clean(keyFile);
        knownHosts = clean(knownHosts);
        region = clean(region);
        endpoint = clean(endpoint);
        account = clean(account);
        bastion = clean(bastion);
        if (bastion.isPresent()) {
            if (transport != Transport.SSH) {
                throw new FleetInputException(dev.nettune.Phrase.of("fleet.bastion.notSsh", "A bastion is an SSH hop; {0} does not use one.",
                        transport.word()));
            }
            checkBastion(bastion.get());
        }
    }

    /** Without a bastion (every reach but SSH through a jump host). */
    public TransportChoice(Transport transport, String address, Optional<String> user, Optional<String> keyFile,
                           Optional<String> knownHosts, Optional<String> region, Optional<String> endpoint,
                           Optional<String> account) {
        this(transport, address, user, keyFile, knownHosts, region, endpoint, account, Optional.empty());
    }

    /**
     * Refuses a bastion chain that is not one or more hosts separated by commas (each a saved host, an alias of
     * ~/.ssh/config or {@code user@host[:port]}), at most {@value #MAX_HOPS} hops.
     */
    public static String checkBastion(String chain) {
        String[] hops = chain == null ? new String[0] : chain.split(",", -1);
        if (chain == null || chain.isBlank() || hops.length > MAX_HOPS) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.bastion.chain", "A bastion is one host (a saved host, an alias of"
                    + " ~/.ssh/config or user@host[:port]) or up to {0} of them separated by commas, first hop first; got '{1}'.",
                    MAX_HOPS, dev.nettune.host.Printable.clip(String.valueOf(chain))));
        }
        for (String hop : hops) {
            try {
                FleetTarget.host(hop);
            } catch (FleetInputException e) {
                throw new FleetInputException(dev.nettune.Phrase.of("fleet.bastion.bad", "Not a bastion: '{0}'. Give a saved host, an"
                        + " alias of ~/.ssh/config or user@host[:port] (IPv6 in brackets); several hops separated by commas, first hop"
                        + " first.", dev.nettune.host.Printable.clip(hop.strip())));
            }
        }
        return chain;
    }

    /** The most hops a bastion chain may have (as ProxyJump in ~/.ssh/config). */
    public static final int MAX_HOPS = 8;

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

    /** SSH to {@code address} through the bastion chain {@code bastion}, with what the login used. */
    public static TransportChoice ssh(String address, Optional<String> user, Optional<String> keyFile,
                                      Optional<String> knownHosts, Optional<String> bastion) {
        return new TransportChoice(Transport.SSH, address, user, keyFile, knownHosts, Optional.empty(), Optional.empty(),
                Optional.empty(), bastion);
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
        bastion.ifPresent(b -> sb.append(" through ").append(b));
        keyFile.ifPresent(k -> sb.append(" (key ").append(k).append(')'));
        return sb.toString();
    }

    /** {@link #display()} as a phrase the screens say in the user's language (the transport's word and names stay). */
    public Phrase displayPhrase() {
        java.util.List<Phrase> parts = new java.util.ArrayList<>();
        parts.add(Phrase.literal(transport.word() + " " + (transport == Transport.SSH && user.isPresent() && !address.contains("@")
                ? user.get() + "@" : "") + address));
        region.ifPresent(r -> parts.add(Phrase.of("fleet.reach.region", " in {0}", r)));
        endpoint.ifPresent(e -> parts.add(Phrase.of("fleet.reach.endpoint", " via {0}", e)));
        account.ifPresent(a -> parts.add(Phrase.of("fleet.reach.account", " as {0}", a)));
        bastion.ifPresent(b -> parts.add(Phrase.of("fleet.reach.bastion", " through {0}", b)));
        keyFile.ifPresent(k -> parts.add(Phrase.of("fleet.reach.key", " (key {0})", k)));
        return Phrase.joined("", parts);
    }
}
