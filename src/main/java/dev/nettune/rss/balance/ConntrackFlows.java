package dev.nettune.rss.balance;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Connection-tracking entries as receive-direction flows, from {@code /proc/net/nf_conntrack} or
 * {@code conntrack -L -o extended} (the same layout: {@code ipv4 2 tcp 6 TIMEOUT [STATE]
 * src= dst= sport= dport= [packets= bytes=] [[UNREPLIED]] src= dst= sport= dport= [packets=
 * bytes=] [ASSURED] mark= ... use=}). The first tuple is the original direction, the second the
 * reply; {@code packets=}/{@code bytes=} appear only with {@code nf_conntrack_acct=1}. Plain
 * {@code conntrack -L} lacks the leading family columns and is read as well.
 *
 * <p>The received direction of an entry is the tuple whose destination is one of the NIC's
 * addresses: the original one for connections the host accepted, the reply one for connections it
 * opened. The kernel prints IPv6 in full ({@code fd00:0000:...}); both forms parse.
 */
public final class ConntrackFlows {

    /** One tuple: the flow and its accounting, if present. */
    public record Direction(Flow flow, OptionalLong packets, OptionalLong bytes) {
    }

    /** One entry: original and reply directions. */
    public record Entry(Direction original, Direction reply) {
        /** The direction received on one of {@code local}, if either is. */
        public Optional<Direction> received(Set<IpAddress> local) {
            if (local.contains(original.flow().destination())) {
                return Optional.of(original);
            }
            if (local.contains(reply.flow().destination())) {
                return Optional.of(reply);
            }
            return Optional.empty();
        }
    }

    private ConntrackFlows() {
    }

    /** The entries of a whole listing; lines that are not entries (conntrack's summary on stderr, blanks) are skipped. */
    public static List<Entry> parse(String text) {
        List<Entry> out = new ArrayList<>();
        for (String line : text.replace("\r", "").split("\n")) {
            parseLine(line).ifPresent(out::add);
        }
        return out;
    }

    static Optional<Entry> parseLine(String line) {
        String[] t = line.strip().split("\\s+");
        Protocol protocol = null;
        List<String[]> tuples = new ArrayList<>();
        String[] cur = null;
        for (String w : t) {
            if (protocol == null) {
                switch (w) {
                    case "tcp" -> protocol = Protocol.TCP;
                    case "udp", "udplite" -> protocol = Protocol.UDP;
                    case "icmp", "icmpv6", "sctp", "dccp", "gre", "unknown" -> protocol = Protocol.ICMP;
                    default -> {
                    }
                }
                continue;
            }
            int eq = w.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String k = w.substring(0, eq);
            String v = w.substring(eq + 1);
            if (k.equals("src")) {
                cur = new String[6];
                tuples.add(cur);
            }
            if (cur == null) {
                continue;
            }
            switch (k) {
                case "src" -> cur[0] = v;
                case "dst" -> cur[1] = v;
                case "sport" -> cur[2] = v;
                case "dport" -> cur[3] = v;
                case "packets" -> cur[4] = v;
                case "bytes" -> cur[5] = v;
                default -> {
                }
            }
        }
        if (protocol == null || tuples.size() < 2) {
            return Optional.empty();
        }
        // SCTP and DCCP have ports the NIC may not hash; RSS on an ENI hashes only TCP/UDP on the 4-tuple.
        boolean ports = protocol.hashesPorts();
        Direction o = direction(tuples.get(0), protocol, ports);
        Direction r = direction(tuples.get(1), protocol, ports);
        return o == null || r == null ? Optional.empty() : Optional.of(new Entry(o, r));
    }

    private static Direction direction(String[] c, Protocol protocol, boolean ports) {
        if (c[0] == null || c[1] == null || (ports && (c[2] == null || c[3] == null))) {
            return null;
        }
        IpAddress src = IpAddress.parse(c[0]);
        IpAddress dst = IpAddress.parse(c[1]);
        if (src.isIpv4() != dst.isIpv4()) {
            return null;
        }
        Flow f = ports ? new Flow(src, dst, Integer.parseInt(c[2]), Integer.parseInt(c[3]), protocol)
                : new Flow(src, dst, 0, 0, Protocol.ICMP);
        return new Direction(f, number(c[4]), number(c[5]));
    }

    private static OptionalLong number(String v) {
        return v == null || v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
    }

    /**
     * The received flows among {@code entries} on {@code local}, weighted in {@code unit}; without
     * accounting (no packets=/bytes=) every flow weighs 1, and {@code accounted} says so.
     */
    public static List<ObservedFlow> received(List<Entry> entries, Set<IpAddress> local, WeightUnit unit) {
        List<ObservedFlow> out = new ArrayList<>();
        for (Entry e : entries) {
            e.received(local).ifPresent(d -> {
                long w = switch (unit) {
                    case BYTES -> d.bytes().orElse(1);
                    case PACKETS -> d.packets().orElse(1);
                    case FLOWS -> 1;
                };
                out.add(new ObservedFlow(d.flow(), w));
            });
        }
        return out;
    }

    /** Whether the listing carries packet/byte accounting (the kernel's nf_conntrack_acct is on). */
    public static boolean accounted(List<Entry> entries) {
        return entries.stream().anyMatch(e -> e.original().packets().isPresent());
    }
}
