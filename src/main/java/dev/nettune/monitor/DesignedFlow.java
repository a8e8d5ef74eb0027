package dev.nettune.monitor;

import dev.nettune.rss.Flow;
import java.util.Objects;

/**
 * One flow of a designed verification: the 4-tuple, the queue the live key and table send it to,
 * and its own TCP payload length (hping3 {@code -d}), so that a per-packet trace can tell every
 * packet's flow apart by its length alone.
 */
public record DesignedFlow(Flow flow, int predictedQueue, int payloadBytes) {
    /** The largest payload a designed flow uses: small packets, well below any MTU. */
    public static final int MAX_PAYLOAD = 1000;

    public DesignedFlow {
        Objects.requireNonNull(flow, "flow");
        if (predictedQueue < 0) {
            throw new IllegalArgumentException("A predicted queue is 0 or more, not " + predictedQueue + ".");
        }
        if (payloadBytes < 0 || payloadBytes > MAX_PAYLOAD) {
            throw new IllegalArgumentException("A payload of " + payloadBytes + " bytes is out of range: 0-" + MAX_PAYLOAD + ".");
        }
    }

    /** The IP packet length (IPv4 or IPv6 header + 20-byte TCP header + payload), as a receive tracepoint reports it. */
    public int ipLength() {
        return (flow.isIpv4() ? 20 : 40) + 20 + payloadBytes;
    }
}
