package dev.nettune.app;

import dev.nettune.host.Host;
import dev.nettune.host.HostException;

/** Opens a host by the name a user picked (built-in, saved, ssh alias): what screens hold instead of the resolver. */
@FunctionalInterface
public interface HostOpener {
    Host open(String name) throws HostException;
}
