package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.Locale;

/** The IpProtocol of a security-group rule, as the API spells it. */
public enum IpProtocol {
    TCP("tcp", true), UDP("udp", true), ICMP("icmp", false), ICMPV6("icmpv6", false), GRE("gre", false), ALL("all", false);

    private final String apiValue;
    private final boolean hasPorts;

    IpProtocol(String apiValue, boolean hasPorts) {
        this.apiValue = apiValue;
        this.hasPorts = hasPorts;
    }

    public String apiValue() {
        return apiValue;
    }

    /** Whether rules of this protocol name real ports (1-65535); the others take only {@code -1/-1}. */
    public boolean hasPorts() {
        return hasPorts;
    }

    public static IpProtocol parse(String text) {
        if (text != null) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (IpProtocol p : values()) {
                if (p.apiValue.equals(t)) {
                    return p;
                }
            }
        }
        throw new CloudInputException(Phrase.of("cloud.protocol.bad",
                "'{0}' is not an IP protocol for a security-group rule: use tcp, udp, icmp, icmpv6, gre or all.", String.valueOf(text)));
    }

    @Override
    public String toString() {
        return apiValue;
    }
}
