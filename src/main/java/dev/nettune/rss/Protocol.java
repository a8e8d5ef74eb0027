package dev.nettune.rss;

import java.util.Locale;

/** The traffic type of a flow, which decides what the ENI hashes. */
public enum Protocol {
    /** Hashed on the 4-tuple. */
    TCP,
    /** Hashed on the 4-tuple. */
    UDP,
    /** Other IP traffic such as ICMP: hashed on the 2-tuple (addresses only). */
    ICMP,
    /** Non-IP traffic such as ARP: not hashed, always queue 0. */
    NON_IP;

    public boolean hashesPorts() {
        return this == TCP || this == UDP;
    }

    public boolean isHashed() {
        return this != NON_IP;
    }

    public static Protocol parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (t) {
            case "tcp" -> TCP;
            case "udp" -> UDP;
            case "icmp", "ip", "other" -> ICMP;
            case "non-ip", "nonip", "arp" -> NON_IP;
            default -> throw new RssInputException(dev.nettune.Phrase.of("rss.protocol.unknown", "Unknown protocol '{0}': use tcp, udp, icmp or non-ip.", text));
        };
    }

    public String label() {
        return this == NON_IP ? "non-ip" : name().toLowerCase(Locale.ROOT);
    }
}
