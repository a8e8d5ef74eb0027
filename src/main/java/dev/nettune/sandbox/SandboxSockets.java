package dev.nettune.sandbox;

import dev.nettune.rss.Flow;
import dev.nettune.rss.Protocol;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's established TCP sockets: one per flow its traffic delivered, with the segments
 * and bytes received, as {@code ss -tinH} lists them. At most {@value #MAX} are kept, the least
 * recently used closing first, so steady background traffic does not grow it without end.
 */
final class SandboxSockets {
    static final int MAX = 4096;

    private final LinkedHashMap<Flow, long[]> open = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Flow, long[]> eldest) {
            return size() > MAX;
        }
    };

    void received(Flow flow, long segments, long bytes) {
        if (flow.protocol() != Protocol.TCP) {
            return;
        }
        long[] c = open.computeIfAbsent(flow, f -> new long[2]);
        c[0] += segments;
        c[1] += bytes;
    }

    void clear() {
        open.clear();
    }

    /**
     * {@code ss -tinH}: a socket line (state, queues, local, peer) and an indented info line, in the
     * layout iproute2 6.1 prints (see the captured fixture linux/ss-6.1-loopback-captured).
     */
    String ssTinH() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Flow, long[]> e : open.entrySet()) {
            Flow f = e.getKey();
            long segs = e.getValue()[0];
            long bytes = e.getValue()[1];
            out.append(String.format("ESTAB 0      0      %s %s%n", endpoint(f.destination().toString(), f.destinationPort(), f.isIpv4()),
                    endpoint(f.source().toString(), f.sourcePort(), f.isIpv4())));
            out.append("\t cubic wscale:7,7 rto:204 rtt:0.5/0.25 ato:40 mss:1448 pmtu:1500 rcvmss:1448 advmss:1448 cwnd:10")
                    .append(" bytes_received:").append(bytes).append(" segs_out:").append(Math.max(1, segs / 2))
                    .append(" segs_in:").append(segs).append(" data_segs_in:").append(segs)
                    .append(" lastsnd:1000 lastrcv:20 lastack:20 rcv_space:14480 rcv_ssthresh:64088 minrtt:0.5\n");
        }
        return out.toString();
    }

    private static String endpoint(String address, int port, boolean ipv4) {
        return (ipv4 ? address : "[" + address + "]") + ":" + port;
    }
}
