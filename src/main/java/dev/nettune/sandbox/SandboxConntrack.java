package dev.nettune.sandbox;

import dev.nettune.rss.Flow;
import dev.nettune.rss.Protocol;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's connection-tracking table: one entry per TCP or UDP flow its traffic delivered,
 * printed as {@code /proc/net/nf_conntrack} and {@code conntrack -L [-o extended]} print it (the
 * layouts of the captured fixture linux/conntrack-6.18-netns-captured). The original direction is
 * the received one; the reply carries the host's answers (a 54-byte segment per TCP packet, as the
 * sandbox's NIC counts them; nothing for UDP, which stays {@code [UNREPLIED]}). As on a real kernel,
 * {@code packets=}/{@code bytes=} are kept only for entries created while
 * {@code net.netfilter.nf_conntrack_acct} was 1. At most {@value #MAX} entries, least recently used
 * dropped first.
 */
final class SandboxConntrack {
    static final int MAX = 4096;
    static final String ACCT = "net.netfilter.nf_conntrack_acct";

    private static final class Entry {
        final boolean accounted;
        long packets;
        long bytes;
        long replyPackets;
        long replyBytes;

        Entry(boolean accounted) {
            this.accounted = accounted;
        }
    }

    private final LinkedHashMap<Flow, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Flow, Entry> eldest) {
            return size() > MAX;
        }
    };

    void received(Flow flow, long packets, long bytes, boolean accounting) {
        if (!flow.protocol().hashesPorts()) {
            return;
        }
        Entry e = entries.computeIfAbsent(flow, f -> new Entry(accounting));
        e.packets += packets;
        e.bytes += bytes;
        if (flow.protocol() == Protocol.TCP) {
            e.replyPackets += packets;
            e.replyBytes += packets * 54L;
        }
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /** {@code /proc/net/nf_conntrack}: family columns first, IPv6 in full, {@code zone=0 use=2}. */
    String proc() {
        return render(true, true, "mark=0 zone=0 use=2");
    }

    /** {@code conntrack -L}, or with {@code extended} the family columns too; IPv6 compressed, {@code use=1}. */
    String conntrack(boolean extended) {
        return render(extended, false, "mark=0 use=1");
    }

    private String render(boolean family, boolean fullIpv6, String tail) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Flow, Entry> me : entries.entrySet()) {
            Flow f = me.getKey();
            Entry e = me.getValue();
            boolean tcp = f.protocol() == Protocol.TCP;
            if (family) {
                out.append(String.format(Locale.ROOT, "%-8s %d ", f.isIpv4() ? "ipv4" : "ipv6", f.isIpv4() ? 2 : 10));
            }
            out.append(String.format(Locale.ROOT, "%-8s %d ", tcp ? "tcp" : "udp", tcp ? 6 : 17));
            out.append(tcp ? "431999 ESTABLISHED " : "29 ");
            tuple(out, f.source().toString(), f.destination().toString(), f.sourcePort(), f.destinationPort(), fullIpv6);
            counters(out, e, e.packets, e.bytes);
            if (!tcp) {
                out.append("[UNREPLIED] ");
            }
            tuple(out, f.destination().toString(), f.source().toString(), f.destinationPort(), f.sourcePort(), fullIpv6);
            counters(out, e, e.replyPackets, e.replyBytes);
            if (tcp) {
                out.append("[ASSURED] ");
            }
            out.append(tail).append('\n');
        }
        return out.toString();
    }

    private static void tuple(StringBuilder out, String src, String dst, int sport, int dport, boolean fullIpv6) {
        out.append("src=").append(fullIpv6 ? full(src) : src).append(" dst=").append(fullIpv6 ? full(dst) : dst)
                .append(" sport=").append(sport).append(" dport=").append(dport).append(' ');
    }

    private static void counters(StringBuilder out, Entry e, long packets, long bytes) {
        if (e.accounted) {
            out.append("packets=").append(packets).append(" bytes=").append(bytes).append(' ');
        }
    }

    /** The kernel's %pI6: all eight groups, four digits each. */
    private static String full(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        byte[] b = dev.nettune.rss.IpAddress.parse(address).bytes();
        StringBuilder s = new StringBuilder(39);
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                s.append(':');
            }
            s.append(String.format(Locale.ROOT, "%02x%02x", b[i] & 0xff, b[i + 1] & 0xff));
        }
        return s.toString();
    }
}
