package dev.nettune.app;

import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.NicRssReader;
import dev.nettune.linux.EthtoolRss;

/** Reads a NIC's live key, hash function and indirection table on a host given by name, for screens and commands. */
public final class NicRssService {
    private final HostResolver hosts;

    public NicRssService(HostResolver hosts) {
        this.hosts = hosts;
    }

    /** {@code ethtool -x NIC} on {@code host}, parsed; the host handle is closed afterwards (SSH stays pooled). */
    public EthtoolRss read(String host, String nic, HostOptions options) throws HostException, InterruptedException {
        try (Host h = hosts.resolve(host, options)) {
            return NicRssReader.read(h, nic);
        }
    }
}
