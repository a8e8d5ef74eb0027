package dev.nettune.monitor;

import dev.nettune.host.HostException;

/** Reads a NIC's counters once (the verifier's before/after readings). */
public interface CounterReader {
    CounterSnapshot read() throws HostException, InterruptedException;
}
