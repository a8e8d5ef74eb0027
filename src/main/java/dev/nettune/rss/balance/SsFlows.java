package dev.nettune.rss.balance;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.Protocol;
import dev.nettune.rss.RssInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The established TCP sockets of {@code ss -tinH} as receive-direction flows: the peer is the
 * source, the local socket the destination (what the NIC hashes for packets coming in), weighted
 * by {@code bytes_received} or {@code segs_in} from the socket's info line, or 1 per socket.
 *
 * <p>{@code ss -tinH} prints one line per socket ({@code State Recv-Q Send-Q Local:Port
 * Peer:Port [Process]}) followed by an indented info line of {@code name:value} fields; a socket
 * that has received nothing yet has no {@code bytes_received} field (weight 0). IPv6 addresses
 * are bracketed, IPv4-mapped ones ({@code [::ffff:10.0.0.1]}) are IPv4 on the wire, and a scope
 * ({@code %eth0}) is dropped.
 */
public final class SsFlows {
    private SsFlows() {
    }

    /** The flows of a whole {@code ss -tinH} output; lines that are not sockets are skipped. */
    public static List<ObservedFlow> parse(String text, WeightUnit unit) {
        List<ObservedFlow> out = new ArrayList<>();
        String[] lines = text.replace("\r", "").split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            String[] c = line.strip().split("\\s+");
            if (c.length < 5 || !c[0].equals("ESTAB")) {
                continue;
            }
            String info = i + 1 < lines.length && !lines[i + 1].isEmpty() && Character.isWhitespace(lines[i + 1].charAt(0))
                    ? lines[i + 1] : "";
            Endpoint local = endpoint(c[3]);
            Endpoint peer = endpoint(c[4]);
            if (local.address().isIpv4() != peer.address().isIpv4()) {
                continue;
            }
            Flow flow = new Flow(peer.address(), local.address(), peer.port(), local.port(), Protocol.TCP);
            long weight = switch (unit) {
                case BYTES -> field(info, "bytes_received");
                case PACKETS -> field(info, "segs_in");
                case FLOWS -> 1;
            };
            out.add(new ObservedFlow(flow, weight));
        }
        return out;
    }

    /** An address and port as ss prints them. */
    record Endpoint(IpAddress address, int port) {
    }

    static Endpoint endpoint(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.balance.notSsAddress", "'{0}' is not an address:port as ss prints it.", text));
        }
        String a = text.substring(0, colon);
        String p = text.substring(colon + 1);
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int scope = a.indexOf('%');
        if (scope >= 0) {
            a = a.substring(0, scope);
        }
        if (a.regionMatches(true, 0, "::ffff:", 0, 7) && a.indexOf('.') > 0) {
            a = a.substring(7);
        }
        return new Endpoint(IpAddress.parse(a), Flow.parsePort("Port", p));
    }

    /** The value of {@code name:value} in an ss info line, 0 when the field is absent. */
    static long field(String info, String name) {
        String key = name + ":";
        int at = 0;
        while ((at = info.indexOf(key, at)) >= 0) {
            if (at == 0 || Character.isWhitespace(info.charAt(at - 1))) {
                int end = at + key.length();
                int stop = end;
                while (stop < info.length() && Character.isDigit(info.charAt(stop))) {
                    stop++;
                }
                return stop > end ? Long.parseLong(info.substring(end, stop)) : 0;
            }
            at += key.length();
        }
        return 0;
    }
}
