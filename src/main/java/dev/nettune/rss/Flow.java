package dev.nettune.rss;

import dev.nettune.Phrase;
import java.util.Objects;

/**
 * One flow as the NIC sees it: source (the sending side), destination (the receiving side),
 * ports and protocol. Ports are ignored (kept as 0) for protocols that hash only the addresses.
 */
public record Flow(IpAddress source, IpAddress destination, int sourcePort, int destinationPort, Protocol protocol) {

    public Flow {
        Objects.requireNonNull(protocol, "protocol");
        if (protocol.isHashed()) {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            if (source.isIpv4() != destination.isIpv4()) {
                throw new RssInputException(Phrase.of("rss.flow.mixedFamilies",
                        "The source is {0} but the destination is {1}: a flow uses one address family.", family(source), family(destination)));
            }
        }
        if (protocol.hashesPorts()) {
            checkPort(SOURCE_PORT, sourcePort);
            checkPort(DESTINATION_PORT, destinationPort);
        } else {
            sourcePort = 0;
            destinationPort = 0;
        }
    }

    /** "Source port", as errors name it. */
    public static final Phrase SOURCE_PORT = Phrase.of("rss.flow.sourcePort", "Source port");
    /** "Destination port", as errors name it. */
    public static final Phrase DESTINATION_PORT = Phrase.of("rss.flow.destinationPort", "Destination port");

    private static String family(IpAddress a) {
        return a.isIpv4() ? "IPv4" : "IPv6";
    }

    private static void checkPort(Object what, int port) {
        if (port < 0 || port > 65535) {
            throw new RssInputException(Phrase.of("rss.flow.portOutOfRange", "{0} {1} is out of range: ports are 0-65535.", what, port));
        }
    }

    public static Flow tcp(String src, String dst, int sport, int dport) {
        return new Flow(IpAddress.parse(src), IpAddress.parse(dst), sport, dport, Protocol.TCP);
    }

    public static Flow udp(String src, String dst, int sport, int dport) {
        return new Flow(IpAddress.parse(src), IpAddress.parse(dst), sport, dport, Protocol.UDP);
    }

    /** A flow hashed on addresses only, such as ICMP. */
    public static Flow addressesOnly(String src, String dst) {
        return new Flow(IpAddress.parse(src), IpAddress.parse(dst), 0, 0, Protocol.ICMP);
    }

    /** Parses a port typed by a user: a whole number 0-65535; {@code what} names it in the user's words. */
    public static int parsePort(String what, String text) {
        return parsePort((Object) what, text);
    }

    /** Parses a port typed by a user, named by a phrase ({@link #SOURCE_PORT}, {@link #DESTINATION_PORT}). */
    public static int parsePort(Phrase what, String text) {
        return parsePort((Object) what, text);
    }

    private static int parsePort(Object what, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > 5 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RssInputException(Phrase.of("rss.flow.notPort",
                    "{0} '{1}' is not a port: give a whole number 0-65535.", what, text == null ? "" : text));
        }
        int p = Integer.parseInt(t);
        checkPort(what, p);
        return p;
    }

    public boolean isIpv4() {
        return source.isIpv4();
    }

    /**
     * The bytes the Toeplitz hash reads, in Microsoft RSS order: source address, destination
     * address, source port, destination port, all in network byte order. Empty for non-IP.
     */
    public byte[] hashInput() {
        if (!protocol.isHashed()) {
            return new byte[0];
        }
        int alen = source.length();
        byte[] in = new byte[alen * 2 + (protocol.hashesPorts() ? 4 : 0)];
        System.arraycopy(source.bytes(), 0, in, 0, alen);
        System.arraycopy(destination.bytes(), 0, in, alen, alen);
        if (protocol.hashesPorts()) {
            in[2 * alen] = (byte) (sourcePort >>> 8);
            in[2 * alen + 1] = (byte) sourcePort;
            in[2 * alen + 2] = (byte) (destinationPort >>> 8);
            in[2 * alen + 3] = (byte) destinationPort;
        }
        return in;
    }

    /** The same flow seen from the other side (the reply direction). */
    public Flow reversed() {
        return new Flow(destination, source, destinationPort, sourcePort, protocol);
    }

    @Override
    public String toString() {
        if (!protocol.isHashed()) {
            return "non-ip";
        }
        if (!protocol.hashesPorts()) {
            return protocol.label() + " " + source + " -> " + destination;
        }
        return protocol.label() + " " + endpoint(source, sourcePort) + " -> " + endpoint(destination, destinationPort);
    }

    private static String endpoint(IpAddress a, int port) {
        return a.isIpv4() ? a + ":" + port : "[" + a + "]:" + port;
    }
}
