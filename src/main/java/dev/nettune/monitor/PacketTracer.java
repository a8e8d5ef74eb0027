package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.host.HostException;
import java.util.List;
import java.util.Optional;

/**
 * Per-packet attribution on the receiver, where the host allows it: a receive tracepoint armed
 * for one NIC reports every packet's rx queue and length, and each designed flow has its own
 * payload length, so every packet is attributed to its flow and queue, whatever else arrives.
 */
public interface PacketTracer {
    /**
     * Arms the trace for the NIC and the designed {@code flows}; empty when armed, else the reason this host cannot
     * trace (no tracefs, not permitted, someone else tracing), and the verifier falls back to counter deltas.
     */
    Optional<Phrase> arm(List<DesignedFlow> flows) throws HostException, InterruptedException;

    /** Reads what was traced since {@link #arm} or the last read (and clears it): per flow, packets per queue and hash. */
    TracedBurst read(List<DesignedFlow> flows, int queues) throws HostException, InterruptedException;

    /** Disarms the trace, leaving the host as it was. */
    void disarm() throws HostException, InterruptedException;

    /** Where the per-packet view came from, for the report: "tracefs net:napi_gro_receive_entry on eth1". */
    Phrase describe();
}
