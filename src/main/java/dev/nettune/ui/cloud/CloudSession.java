package dev.nettune.ui.cloud;

import dev.nettune.cloud.CloudApi;
import dev.nettune.cloud.CloudJournal;
import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.ResourceWaiter;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;

/**
 * What the Cloud screen and its wizards work with: the API, the region, the journal, how long to
 * wait, and how to open a host by name (for checks inside the guest, e.g. {@code ethtool -x}).
 */
public record CloudSession(CloudApi api, RegionId region, String description, CloudJournal journal, ResourceWaiter waiter, HostOpener hosts,
        boolean sandbox) {
    /** Opens a host by the name the Hosts screen uses (ssh alias, saved host, sandbox, ...). */
    @FunctionalInterface
    public interface HostOpener {
        HostOpener NONE = name -> {
            throw new HostException(dev.nettune.ui.common.Messages.get("cloud.session.noHosts"));
        };

        Host open(String name) throws HostException;
    }

    /** A session on a simulated region (the sandbox, or the local server in tests): changes need no confirmation. */
    public CloudSession(CloudApi api, RegionId region, String description, CloudJournal journal, ResourceWaiter waiter) {
        this(api, region, description, journal, waiter, HostOpener.NONE, true);
    }

    /** A session on the sandbox with hosts to open. */
    public CloudSession(CloudApi api, RegionId region, String description, CloudJournal journal, ResourceWaiter waiter, HostOpener hosts) {
        this(api, region, description, journal, waiter, hosts, true);
    }
}
