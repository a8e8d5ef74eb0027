package dev.nettune.monitor;

import java.util.List;

/**
 * One burst of a designed verification: the flows predicted to land on one queue, sent together
 * ({@code packetsPerFlow} packets each, {@code intervalMicros} apart), so that the counters' deltas
 * during the burst belong to it.
 */
public record Burst(int queue, List<DesignedFlow> flows, int packetsPerFlow, int intervalMicros) {
    public Burst {
        flows = List.copyOf(flows);
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("A burst needs at least one flow.");
        }
        if (packetsPerFlow < 1 || packetsPerFlow > 100_000) {
            throw new IllegalArgumentException("A burst sends 1 to 100000 packets per flow, not " + packetsPerFlow + ".");
        }
        if (intervalMicros < 1 || intervalMicros > 1_000_000) {
            throw new IllegalArgumentException("An interval of " + intervalMicros + " µs is out of range: 1 to 1000000 µs.");
        }
    }

    /** Every packet the burst sends. */
    public long packets() {
        return (long) flows.size() * packetsPerFlow;
    }

    /** How long sending takes when its flows go one after the other, in milliseconds (at least 1). */
    public long sendingMillis() {
        return Math.max(1, packets() * intervalMicros / 1000);
    }

    /** The same flows with another packet count and interval (the slower retry). */
    public Burst with(int packets, int interval) {
        return new Burst(queue, flows, packets, interval);
    }
}
