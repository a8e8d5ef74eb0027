package dev.nettune.app;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.linux.DriverInfo;
import dev.nettune.tuning.Journal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the RSS key and table a NIC shows may not be in effect, from what the journal knows and
 * the host's current boot: virtio_net ignores the table until the first {@code ethtool -X} after boot,
 * and any driver may switch RSS off on a channel change made after the last {@code -X}.
 */
public final class RssInEffect {
    /** Drivers known to show a table they do not use until the first ethtool -X after boot (the rig's lesson). */
    static final List<String> IGNORE_UNTIL_FIRST_SET = List.of("virtio_net");

    private final Journal journal;

    public RssInEffect(Journal journal) {
        this.journal = journal;
    }

    /** The warning for {@code nic} on {@code host}, or empty when the journal says key and table were pushed this boot. */
    public Optional<String> warning(Host host, String nic) throws HostException, InterruptedException {
        List<CommandResult> r = host.runAll(List.of(Command.of("cat", "/proc/sys/kernel/random/boot_id"),
                Command.of("cat", "/proc/uptime"), Command.of("ethtool", "-i", nic)), Duration.ofSeconds(20));
        if (!r.get(1).ok() || !r.get(2).ok()) {
            return Optional.empty();
        }
        String bootId = r.get(0).ok() ? r.get(0).stdout().strip() : "unknown";
        double up;
        try {
            up = Double.parseDouble(r.get(1).stdout().strip().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String driver = DriverInfo.parse(r.get(2).stdout()).driver();
        return warning(host.name(), nic, driver, bootId, Instant.now().minusMillis((long) (up * 1000)));
    }

    /**
     * Why RSS may be off although NetTune pushed it: the journal's warning, or for a driver known to
     * drop RSS on any channel change (virtio_net), that a change made by hand is invisible to the journal.
     * A failed verification names "RSS not active" when no computable mapping fits and this says why.
     */
    public Optional<String> reasonRssMayBeOff(Host host, String nic) throws HostException, InterruptedException {
        Optional<String> w = warning(host, nic);
        if (w.isPresent()) {
            return w;
        }
        CommandResult i = host.run(Command.of("ethtool", "-i", nic), Duration.ofSeconds(20));
        String driver = i.ok() ? DriverInfo.parse(i.stdout()).driver() : "";
        if (IGNORE_UNTIL_FIRST_SET.contains(driver)) {
            return Optional.of(driver + " stops using the table after any channel change, one made by hand (ethtool -L) "
                    + "included, until the next ethtool -X: the table ethtool -x shows may not be in effect");
        }
        return Optional.empty();
    }

    /** The same judgement from facts already read: the driver, this boot's id and when it began. */
    public Optional<String> warning(String host, String nic, String driver, String bootId, Instant booted) {
        List<Journal.Entry> entries = journal.entries(Optional.empty(), Optional.of(host));
        Optional<Instant> lastSet = last(entries, "rss-key " + nic, "rss-table " + nic);
        Optional<Instant> lastChannels = last(entries, "channels " + nic);
        if (IGNORE_UNTIL_FIRST_SET.contains(driver) && lastSet.map(t -> t.isBefore(booted)).orElse(true)) {
            return Optional.of(String.format(Locale.ROOT, "NetTune has not set the key and table of %s since this boot "
                    + "(boot_id %s), and %s ignores the table until the first ethtool -X: the table ethtool -x shows may not "
                    + "be in effect. Push it again: nettune rss apply %s --nic %s --force", nic, bootId, driver, host, nic));
        }
        if (lastChannels.isPresent() && lastSet.map(t -> t.isBefore(lastChannels.get())).orElse(true)) {
            return Optional.of("The channels of " + nic + " changed after NetTune last set the key and table, and a channel "
                    + "change switches RSS off: the table ethtool -x shows may not be in effect. Push it again: nettune rss "
                    + "apply " + host + " --nic " + nic + " --force");
        }
        return Optional.empty();
    }

    private static Optional<Instant> last(List<Journal.Entry> entries, String... targets) {
        Instant best = null;
        for (Journal.Entry e : entries) {
            if (e.outcome() == Journal.Outcome.APPLIED && List.of(targets).contains(e.target())
                    && (best == null || e.time().isAfter(best))) {
                best = e.time();
            }
        }
        return Optional.ofNullable(best);
    }
}
