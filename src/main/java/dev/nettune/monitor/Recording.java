package dev.nettune.monitor;

import java.util.Objects;
import java.util.Optional;

/** A stored recording's description: which host and NIC, when, at what interval, how many samples. */
public record Recording(long id, String host, String nic, long startedAtMillis, Optional<Long> stoppedAtMillis,
        long intervalMillis, int queueCount, int samples, String note) {
    public Recording {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(nic, "nic");
        Objects.requireNonNull(stoppedAtMillis, "stoppedAtMillis");
        Objects.requireNonNull(note, "note");
    }
}
