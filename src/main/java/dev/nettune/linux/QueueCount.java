package dev.nettune.linux;

import java.util.OptionalLong;

/** The counter of one queue: packets (or interrupts, see {@link CounterSource}) and bytes where the source has them. */
public record QueueCount(int queue, long packets, OptionalLong bytes) {
    public QueueCount {
        if (queue < 0) {
            throw new IllegalArgumentException("Queue index " + queue + " is negative; queues count from 0.");
        }
        if (packets < 0) {
            throw new IllegalArgumentException("Packet count " + packets + " of queue " + queue + " is negative.");
        }
    }
}
