package dev.nettune.app;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.linux.DriverInfo;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.tuning.BootReapply;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.RssPush;
import dev.nettune.tuning.TuningEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether the RSS key and table a NIC shows may not be in effect, from what the journal knows and the host's
 * current boot: the journal keeps the boot id of every push of key and table, so a reboot since the last one is
 * told for sure (the values are not persistent unless NetTune's boot re-apply unit puts them back); virtio_net
 * ignores the table until the first {@code ethtool -X} after boot; and any driver may switch RSS off on a channel
 * change made after the last {@code -X}.
 */
public final class RssInEffect {
    /** Drivers known to show a table they do not use until the first ethtool -X after boot (the rig's lesson). */
    static final List<String> IGNORE_UNTIL_FIRST_SET = List.of("virtio_net");

    /** What makes the shown key and table suspect, for a badge and for the choice of what to offer. */
    public enum Reason {
        /** The host rebooted since NetTune last pushed them (another boot id). */
        REBOOTED,
        /** A driver that ignores the table until the first -X, and NetTune has not pushed since this boot. */
        NOT_SET_THIS_BOOT,
        /** The channels changed after the last push. */
        CHANNELS_CHANGED
    }

    /**
     * A warning about one NIC: why, the sentence a person reads, and its cause as a clause that reads inside a failed
     * verification's verdict ("... and {cause}.").
     */
    public record Warning(Reason reason, Phrase said, Phrase cause) {
        /** The sentence in English, as the CLI and the journal write it. */
        public String text() {
            return said.toString();
        }
    }

    /** What the host says about its boot: the boot id, when it began, the driver, whether a boot re-apply unit exists. */
    public record BootFacts(String bootId, Instant booted, String driver, boolean reapplyUnit) {
    }

    private final Journal journal;

    public RssInEffect(Journal journal) {
        this.journal = journal;
    }

    /** The warning for {@code nic} on {@code host}, or empty when the journal says key and table were pushed this boot. */
    public Optional<String> warning(Host host, String nic) throws HostException, InterruptedException {
        return check(host, nic).map(Warning::text);
    }

    /** The warning with its reason, read from the host in one round trip. */
    public Optional<Warning> check(Host host, String nic) throws HostException, InterruptedException {
        Optional<BootFacts> facts = facts(host, nic);
        return facts.isEmpty() ? Optional.empty() : check(host.name(), nic, facts.get());
    }

    /** The boot id, boot time, driver and boot re-apply unit of a host; empty when it cannot say (no /proc, no ethtool). */
    public static Optional<BootFacts> facts(Host host, String nic) throws HostException, InterruptedException {
        List<CommandResult> r = host.runAll(List.of(Command.of("cat", TuningEngine.BOOT_ID),
                Command.of("cat", "/proc/uptime"), Command.of("ethtool", "-i", nic),
                Command.of("test", "-e", BootReapply.UNIT_PATH)), Duration.ofSeconds(20));
        if (!r.get(1).ok() || !r.get(2).ok()) {
            return Optional.empty();
        }
        double up;
        try {
            up = Double.parseDouble(r.get(1).stdout().strip().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String bootId = r.get(0).ok() ? r.get(0).stdout().strip() : RssPush.UNKNOWN_BOOT;
        return Optional.of(new BootFacts(bootId, Instant.now().minusMillis((long) (up * 1000)),
                DriverInfo.parse(r.get(2).stdout()).driver(), r.get(3).ok()));
    }

    /**
     * Why RSS may be off although NetTune pushed it: the journal's warning, or for a driver known to
     * drop RSS on any channel change (virtio_net), that a change made by hand is invisible to the journal.
     * A failed verification names "RSS not active" when no computable mapping fits and this says why.
     */
    public Optional<Phrase> reasonRssMayBeOff(Host host, String nic) throws HostException, InterruptedException {
        Optional<Warning> w = check(host, nic);
        return w.isPresent() ? w.map(Warning::cause) : driverMayDropTheTable(host, nic);
    }

    /** For a driver known to drop RSS on any channel change (virtio_net): that a change made by hand is invisible to the journal. */
    public Optional<Phrase> driverMayDropTheTable(Host host, String nic) throws HostException, InterruptedException {
        CommandResult i = host.run(Command.of("ethtool", "-i", nic), Duration.ofSeconds(20));
        String driver = i.ok() ? DriverInfo.parse(i.stdout()).driver() : "";
        if (IGNORE_UNTIL_FIRST_SET.contains(driver)) {
            return Optional.of(Phrase.of("rss.effect.driverDropsTable", "{0} stops using the table after any channel change,"
                    + " one made by hand (ethtool -L) included, until the next ethtool -X", driver));
        }
        return Optional.empty();
    }

    /** The same judgement from facts already read: the driver, this boot's id and when it began. */
    public Optional<String> warning(String host, String nic, String driver, String bootId, Instant booted) {
        return check(host, nic, new BootFacts(bootId, booted, driver, false)).map(Warning::text);
    }

    /** The judgement from facts already read. */
    public Optional<Warning> check(String host, String nic, BootFacts boot) {
        List<RssPush> pushes = journal.rssPushes(host, nic);
        List<Journal.Entry> entries = journal.entries(Optional.empty(), Optional.of(host));
        Optional<Instant> lastChannels = last(entries, "channels " + nic);
        boolean ignores = IGNORE_UNTIL_FIRST_SET.contains(boot.driver());
        Phrase again = Phrase.of("rss.effect.pushAgain", "Push it again: {0}", "nettune rss apply " + host + " --nic " + nic + " --force");
        Optional<Instant> lastSet;
        boolean thisBoot;
        if (!pushes.isEmpty()) {
            RssPush p = pushes.get(pushes.size() - 1);
            lastSet = Optional.of(p.time());
            boolean known = !p.bootId().equals(RssPush.UNKNOWN_BOOT) && !boot.bootId().equals(RssPush.UNKNOWN_BOOT);
            thisBoot = known ? p.bootId().equals(boot.bootId()) : p.time().isAfter(boot.booted());
            if (!thisBoot && !boot.reapplyUnit()) {
                Phrase cause = Phrase.of("rss.effect.rebooted", "{0} rebooted since NetTune last set the key and table of {1}"
                        + " ({2}, boot_id {3}; now boot_id {4})", host, nic, p.time(), p.bootId(), boot.bootId());
                Phrase alsoIgnores = ignores ? Phrase.of("rss.effect.alsoIgnores", "; {0} also ignores the table until the first"
                        + " ethtool -X", boot.driver()) : Phrase.literal("");
                return Optional.of(new Warning(Reason.REBOOTED, Phrase.of("rss.effect.rebootedSentence", "{0}: they are not"
                        + " persistent, and no boot re-apply unit puts them back{1}, so the key and table ethtool -x shows may not"
                        + " be in effect. {2}", cause, alsoIgnores, again), cause));
            }
        } else {
            // Journals from before boot ids were kept: the step times against the boot time.
            lastSet = last(entries, "rss-key " + nic, "rss-table " + nic);
            thisBoot = lastSet.map(t -> t.isAfter(boot.booted())).orElse(false);
        }
        if (ignores && !thisBoot && !boot.reapplyUnit()) {
            Phrase cause = Phrase.of("rss.effect.notSetThisBoot", "NetTune has not set the key and table of {0} since this boot"
                    + " (boot_id {1}), and {2} ignores the table until the first ethtool -X", nic, boot.bootId(), boot.driver());
            return Optional.of(new Warning(Reason.NOT_SET_THIS_BOOT, Phrase.of("rss.effect.tableMayNotBeInEffect", "{0}: the"
                    + " table ethtool -x shows may not be in effect. {1}", cause, again), cause));
        }
        if (lastChannels.isPresent() && lastSet.map(t -> t.isBefore(lastChannels.get())).orElse(true)) {
            return Optional.of(new Warning(Reason.CHANNELS_CHANGED, Phrase.of("rss.effect.channelsChangedSentence", "The channels"
                    + " of {0} changed after NetTune last set the key and table, and a channel change switches RSS off: the table"
                    + " ethtool -x shows may not be in effect. {1}", nic, again), Phrase.of("rss.effect.channelsChanged", "the"
                    + " channels of {0} changed after NetTune last set the key and table, and a channel change switches RSS off", nic)));
        }
        return Optional.empty();
    }

    /**
     * The key and table before the last push that changed them (a re-push of the same values changes nothing), for
     * the verification's "the table before the last change".
     */
    public Previous previous(String host, String nic) {
        List<RssPush> pushes = journal.rssPushes(host, nic);
        for (int i = pushes.size() - 1; i >= 0; i--) {
            RssPush p = pushes.get(i);
            if (p.changed()) {
                return new Previous(p.previousKey(), p.previousTable());
            }
        }
        return new Previous(Optional.empty(), Optional.empty());
    }

    /** The key and table before the last change, where the journal has them. */
    public record Previous(Optional<RssKey> key, Optional<IndirectionTable> table) {
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
