package dev.nettune.fleet;

import dev.nettune.host.Host;
import dev.nettune.host.HostException;

/**
 * Opens the {@link Host} of one fleet member by how it is reached (SSH, Cloud Assistant, built-in): the
 * app layer picks the adapter. Called once per instance, and again for a fresh connection (confirming a
 * commit-confirmed change, reconnecting); the caller closes what it opened.
 */
@FunctionalInterface
public interface FleetHosts {
    Host open(FleetInstance instance) throws HostException, InterruptedException;
}
