package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.Objects;

/**
 * An inbound "accept" rule of a security group: protocol, port range, source CIDR, priority 1-100
 * (1 is the highest) and an optional description.
 */
public record SecurityGroupRule(IpProtocol protocol, PortRange ports, Cidr source, int priority, String description) {
    public static final int DEFAULT_PRIORITY = 1;

    public SecurityGroupRule {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(source, "source");
        if (protocol.hasPorts() && ports.isAny()) {
            throw new CloudInputException(Phrase.of("cloud.rule.needsPorts",
                    "A {0} rule needs real ports 1-65535 (from/to, e.g. 8000/9000); -1/-1 is only for icmp, icmpv6, gre and all.", protocol));
        }
        if (!protocol.hasPorts() && !ports.isAny()) {
            throw new CloudInputException(Phrase.of("cloud.rule.noPorts", "A {0} rule takes the port range -1/-1, not {1}: only tcp and udp have ports.", protocol, ports));
        }
        if (protocol == IpProtocol.ICMPV6 && source.isIpv4()) {
            throw new CloudInputException(Phrase.of("cloud.rule.icmpv6Source", "An icmpv6 rule needs an IPv6 source range, not {0}.", source));
        }
        if (priority < 1 || priority > 100) {
            throw new CloudInputException(Phrase.of("cloud.rule.priority", "Priority {0} is out of range: use 1 (highest) to 100 (lowest).", priority));
        }
        description = description == null ? "" : description.strip();
        if (description.length() > 512) {
            throw new CloudInputException(Phrase.of("cloud.rule.descriptionLong", "The description has {0} characters; at most 512 are allowed.", description.length()));
        }
        String lower = description.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            throw new CloudInputException(Phrase.of("cloud.rule.descriptionUrl", "The description must not start with http:// or https:// (the API refuses it)."));
        }
    }

    public static SecurityGroupRule of(IpProtocol protocol, PortRange ports, Cidr source) {
        return new SecurityGroupRule(protocol, ports, source, DEFAULT_PRIORITY, "");
    }

    /**
     * Whether this rule lets in the same traffic as {@code other}: same protocol, ports and source.
     * Priority and description do not make a second rule worth adding.
     */
    public boolean sameTrafficAs(SecurityGroupRule other) {
        return protocol == other.protocol && ports.equals(other.ports) && source.equals(other.source);
    }

    @Override
    public String toString() {
        return phrase().toString();
    }

    /** The rule in a line ("allow tcp 80/80 from 10.0.0.0/8 (priority 1)"), in the user's language. */
    public Phrase phrase() {
        return Phrase.of("cloud.step.rule", "allow {0} {1} from {2} (priority {3}){4}", protocol, ports, source, priority,
                description.isEmpty() ? "" : Phrase.of("cloud.step.rule.description", " \"{0}\"", description));
    }
}
