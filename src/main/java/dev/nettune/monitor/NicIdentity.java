package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.linux.DriverInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the counter parser must know about a NIC before the first snapshot: its driver and bus
 * (which names its per-queue counters and interrupts carry) and, for virtio, its device name.
 * Read once per sampler start, in one round trip.
 */
public record NicIdentity(String nic, String driver, String busInfo, Optional<String> virtioDevice) {
    /** The driver of a NIC whose {@code ethtool -i} failed: only totals can be shown. */
    public static final String UNKNOWN_DRIVER = "unknown";

    public static NicIdentity read(Host host, String nic) throws HostException, InterruptedException {
        SamplerScript.checkNic(nic);
        List<CommandResult> r = host.runAll(List.of(Command.of("ethtool", "-i", nic),
                Command.of("readlink", "/sys/class/net/" + nic + "/device"), Command.of("ls", "/sys/class/net")), Duration.ofSeconds(20));
        checkPresent(host, nic, r.get(2));
        if (!r.get(0).ok()) {
            // No driver information (loopback, a missing ethtool): the NIC's totals are still worth watching.
            return new NicIdentity(nic, UNKNOWN_DRIVER, "", Optional.empty());
        }
        DriverInfo info = DriverInfo.parse(r.get(0).stdout());
        Optional<String> virtio = r.get(1).ok()
                ? Optional.of(r.get(1).stdout().strip()).map(p -> p.substring(p.lastIndexOf('/') + 1)).filter(d -> d.startsWith("virtio"))
                : Optional.empty();
        return new NicIdentity(nic, info.driver(), info.busInfo(), virtio);
    }

    /**
     * A mistyped NIC must be refused, not watched: its counters read as nothing, which looked like a NIC with no
     * traffic ("no traffic: no balance to judge") and a verification with nothing to compare.
     */
    private static void checkPresent(Host host, String nic, CommandResult ls) throws HostException {
        if (!ls.ok()) {
            return; // no listing (a host without sysfs access): the sampler's own errors will say what it cannot read
        }
        List<String> nics = List.of(ls.stdout().strip().split("\\s+"));
        if (!nics.contains(nic)) {
            throw new HostException(Phrase.of("monitor.nic.missing", "{0} has no NIC {1}; its NICs: {2}.", host.name(), nic,
                    String.join(", ", nics)));
        }
    }
}
