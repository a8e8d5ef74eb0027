package dev.nettune.monitor;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a receive tracepoint ({@code event}, empty when none saw a designed packet) saw of one burst: per designed flow, its packets per RX queue and the hash
 * the driver passed up with them (empty where the driver passes none, as virtio_net does), and how many
 * events the ring buffer overwrote before they were read.
 */
public record TracedBurst(Optional<String> event, List<long[]> perFlow, List<OptionalLong> reportedHashes, long overwritten) {
    public TracedBurst {
        java.util.Objects.requireNonNull(event, "event");
        perFlow = perFlow.stream().map(long[]::clone).toList();
        reportedHashes = List.copyOf(reportedHashes);
        if (perFlow.size() != reportedHashes.size()) {
            throw new IllegalArgumentException("A traced burst has one hash slot per flow: " + perFlow.size() + " flows, "
                    + reportedHashes.size() + " hash slots.");
        }
    }
}
