package dev.nettune.app;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.NicRssReader;
import dev.nettune.linux.Channels;
import dev.nettune.linux.DriverInfo;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.NicName;
import dev.nettune.monitor.TrafficSender;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import dev.nettune.tuning.TuningEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a NIC's live key, hash function and indirection table on a host given by name, checks that a NIC is
 * ready for an RSS push (preflight), and plans and pushes a new key and table through the tuning engine
 * (journaled with the boot id, read back, undoable), for screens and commands.
 */
public final class NicRssService {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final HostResolver hosts;
    private final Supplier<TuningEngine> engine;

    /** Read-only: {@link #read} and {@link #preflight}; a push needs the engine. */
    public NicRssService(HostResolver hosts) {
        this(hosts, () -> {
            throw new IllegalStateException("This NicRssService reads only: it was built without a tuning engine.");
        });
    }

    /** Reads, checks and pushes; the engine (and its journal) is opened on first push. */
    public NicRssService(HostResolver hosts, Supplier<TuningEngine> engine) {
        this.hosts = hosts;
        this.engine = engine;
    }

    /** {@code ethtool -x NIC} on {@code host}, parsed; the host handle is closed afterwards (SSH stays pooled). */
    public EthtoolRss read(String host, String nic, HostOptions options) throws HostException, InterruptedException {
        try (Host h = hosts.resolve(host, options)) {
            return NicRssReader.read(h, nic);
        }
    }

    /** One preflight check: what was checked, whether it holds, and what was found (or what is wrong), as phrases. */
    public record Check(Phrase what, boolean ok, Phrase found) {
        /** "ok    NIC exists: eth1 is in /sys/class/net" or "FAIL  ...": the check as one line of the preflight. */
        public String line() {
            return line(java.util.Locale.ENGLISH);
        }

        /** {@link #line()} in {@code locale} ("ok" and "FAIL" stay as printed, like a verdict). */
        public String line(java.util.Locale locale) {
            String colon = "zh".equals(locale.getLanguage()) ? "\uff1a" : ": ";
            return (ok ? "ok    " : "FAIL  ") + what.in(locale) + colon + found.in(locale);
        }

        /** The host could not be opened for the preflight at all: {@code found} says why. */
        public static Check unreachable(String found) {
            return new Check(REACHABLE, false, Phrase.literal(found));
        }
    }

    private static final Phrase NIC_NAME = Phrase.of("app.nicRss.check.nicName", "NIC name");
    private static final Phrase REACHABLE = Phrase.of("app.nicRss.check.reachable", "Host reachable");
    private static final Phrase NIC_EXISTS = Phrase.of("app.nicRss.check.nicExists", "NIC exists");
    private static final Phrase DRIVER = Phrase.of("app.nicRss.check.driver", "Driver");
    private static final Phrase CHANNELS = Phrase.of("app.nicRss.check.channels", "Channels");
    private static final Phrase READ_BACK = Phrase.of("app.nicRss.check.readBack", "Key and table read back");
    private static final Phrase SENDER = Phrase.of("app.nicRss.check.sender", "Sender for the verification");

    /** The preflight of an RSS push and its verification: every check in order, and what was read. */
    public record Preflight(List<Check> checks, Optional<EthtoolRss> live, Optional<String> driver, Optional<Channels> channels) {
        public Preflight {
            checks = List.copyOf(checks);
        }

        /** Every check holds: the push and its verification can run. */
        public boolean ok() {
            return !checks.isEmpty() && checks.stream().allMatch(Check::ok);
        }

        /** One line per check: "ok   NIC exists: eth1" or "FAIL ...". */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Check c : checks) {
                sb.append(c.line()).append('\n');
            }
            return sb.toString().strip();
        }
    }

    /**
     * Before anything changes: the host answers, the NIC exists, its driver and channels, its current key and
     * table read back (a table to set, a Toeplitz key), and the sender of the verification can send (hping3 on
     * a real sender, or the sandbox's sender). Reads only; a check that cannot run is a failed check, not an error.
     */
    public Preflight preflight(Host host, String nic, SenderSource sender) throws InterruptedException {
        List<Check> checks = new ArrayList<>();
        if (!NicName.isValid(nic)) {
            checks.add(new Check(NIC_NAME, false, Phrase.of("app.nicRss.badNicName",
                    "'{0}' is not a network interface name (for example eth1)", nic)));
            return new Preflight(checks, Optional.empty(), Optional.empty(), Optional.empty());
        }
        List<CommandResult> r;
        try {
            r = host.runAll(List.of(Command.of("uname", "-r"), Command.of("ls", "/sys/class/net/" + nic + "/queues"),
                    Command.of("ethtool", "-i", nic), Command.of("ethtool", "-l", nic), NicRssReader.command(nic)), TIMEOUT);
        } catch (HostException e) {
            checks.add(new Check(REACHABLE, false, Phrase.of("app.nicRss.noAnswer", "{0} did not answer: {1}", host.name(), Phrase.from(e))));
            return new Preflight(checks, Optional.empty(), Optional.empty(), Optional.empty());
        }
        checks.add(new Check(REACHABLE, r.get(0).ok(), r.get(0).ok()
                ? Phrase.of("app.nicRss.kernel", "{0}, kernel {1}", host.name(), r.get(0).stdout().strip())
                : Phrase.of("app.nicRss.unameFailed", "{0} answered but uname failed: {1}", host.name(), r.get(0).stderr().strip())));
        boolean exists = r.get(1).ok();
        checks.add(new Check(NIC_EXISTS, exists, exists ? Phrase.of("app.nicRss.nicFound", "{0} is in /sys/class/net", nic)
                : Phrase.of("app.nicRss.noNic", "no {0} in /sys/class/net: check the NIC name (the secondary ENI is eth1 at device index 1)"
                        + " and that it is attached", nic)));
        if (!exists) {
            return new Preflight(checks, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<String> driver = r.get(2).ok() ? Optional.of(DriverInfo.parse(r.get(2).stdout()).driver()).filter(d -> !d.isBlank())
                : Optional.empty();
        checks.add(new Check(DRIVER, driver.isPresent(), driver.map(Phrase::literal)
                .orElse(failed("ethtool -i", nic, r.get(2)))));
        Optional<Channels> channels = Optional.empty();
        if (r.get(3).ok()) {
            try {
                channels = Optional.of(Channels.parse(r.get(3).stdout()));
            } catch (RuntimeException e) {
                channels = Optional.empty();
            }
        }
        checks.add(new Check(CHANNELS, channels.isPresent(), channels.map(c -> c.maxCombined().isPresent()
                ? Phrase.of("app.nicRss.channelsAtMost", "{0} RX queue(s) in use, at most {1} combined", c.rxQueues(), c.maxCombined().getAsInt())
                : Phrase.of("app.nicRss.channels", "{0} RX queue(s) in use", c.rxQueues()))
                .orElse(failed("ethtool -l", nic, r.get(3)))));
        Optional<EthtoolRss> live = Optional.empty();
        if (r.get(4).ok()) {
            try {
                live = Optional.of(NicRssReader.parse(r.get(4).stdout()));
            } catch (RuntimeException e) {
                live = Optional.empty();
            }
        }
        checks.add(new Check(READ_BACK, live.map(l -> l.table().isPresent() && l.key().isPresent()).orElse(false),
                live.map(NicRssService::describePhrase).orElse(failed("ethtool -x", nic, r.get(4)))));
        try {
            TrafficSender s = sender.open();
            TrafficSender.Readiness ready = s.check();
            // The sender's own words (the verification's): said as they are.
            checks.add(new Check(SENDER, ready.ready(), Phrase.literal(s.describe() + ": " + ready.message())));
        } catch (HostException | RuntimeException e) {
            checks.add(new Check(SENDER, false, Phrase.from(e)));
        }
        return new Preflight(checks, live, driver, channels);
    }

    /** Where the preflight gets the verification's sender (opening it may reach another host). */
    @FunctionalInterface
    public interface SenderSource {
        TrafficSender open() throws HostException;
    }

    private static Phrase failed(String tool, String nic, CommandResult r) {
        return Phrase.of("app.nicRss.toolFailed", "{0} {1} failed: {2}", tool, nic, r.stderr().strip());
    }

    /** "key 6d:5a:…:fa, table equal 4 (128 entries, 4 rings), toeplitz", or what is missing. */
    public static String describe(EthtoolRss rss) {
        return describePhrase(rss).toString();
    }

    /** {@link #describe(EthtoolRss)} as a phrase, said in the user's language. */
    public static Phrase describePhrase(EthtoolRss rss) {
        Phrase notShown = Phrase.of("app.nicRss.notShown", "not shown");
        Phrase key = rss.key().map(k -> Phrase.of("app.nicRss.key", "key {0}", shortKey(k)))
                .orElse(Phrase.of("app.nicRss.noKey", "no key ({0})", rss.keyReason().<Object>map(p -> p).orElse(notShown)));
        // The table's request form ("equal 4 (128 entries, 4 rings)") is the tuning step's own text.
        Phrase table = rss.table().isPresent() && rss.ringCount().isPresent()
                ? Phrase.of("app.nicRss.table", "table {0}", new RssTableChange(rss.nic(), "default")
                        .show(RssTableChange.value(rss.table().get(), rss.ringCount().getAsInt())))
                : Phrase.of("app.nicRss.noTable", "no table ({0})", rss.tableReason().<Object>map(p -> p).orElse(notShown));
        List<Phrase> parts = new ArrayList<>(List.of(key, table));
        rss.activeHashFunction().ifPresent(f -> parts.add(Phrase.literal(f)));
        return Phrase.joined(", ", parts);
    }

    private static Phrase shortKey(RssKey k) {
        String hex = k.toColonHex();
        return hex.length() <= 20 ? Phrase.literal(hex) : Phrase.of("app.nicRss.shortKey", "{0}\u2026{1} ({2} bytes)",
                hex.substring(0, 11), hex.substring(hex.length() - 5), k.length());
    }

    /**
     * The plan that pushes {@code key} and/or {@code table} to {@code nic}: only what differs from the values read
     * back now (the key byte for byte, the table entry for entry), so "already in effect" means the live values are
     * the wanted ones; {@code again} pushes even equal values (a device that shows a table it does not use).
     */
    public Plan planPush(Host host, String nic, Optional<String> key, Optional<String> table, boolean again, Locale language)
            throws HostException, InterruptedException {
        List<ProfileEntry> entries = new ArrayList<>();
        key.filter(k -> !k.isBlank()).ifPresent(k -> entries.add(new RssKeyChange(nic, k.strip())));
        table.filter(t -> !t.isBlank()).ifPresent(t -> entries.add(new RssTableChange(nic, t.strip())));
        if (entries.isEmpty()) {
            throw new RssInputException(Phrase.of("app.nicRss.nothingToPush", "Give a key, a table request (for example equal 4), or both."));
        }
        // Named in the user's language: the journal keeps the name as made.
        Profile p = new Profile(Phrase.of("app.nicRss.pushProfile", "RSS push on {0}", nic).in(language),
                Phrase.of("app.nicRss.pushDescription", "key and table of {0}", nic).in(language), entries);
        return again ? new Planner().planRepush(host, p) : new Planner().plan(host, p);
    }

    /** The name of the profile `rss apply` sets a NIC's key and/or table with ("RSS on eth1"). */
    public static Phrase setProfileName(String nic) {
        return Phrase.of("app.nicRss.setProfile", "RSS on {0}", nic);
    }

    /** The name of the profile that pushes a NIC's live key and table again ("RSS re-push on eth1"). */
    public static Phrase repushProfileName(String nic) {
        return Phrase.of("app.nicRss.repushProfile", "RSS re-push on {0}", nic);
    }

    /** Applies a planned push through the tuning engine: journaled (with the boot id), read back, undoable. */
    public ApplyResult push(Host host, Plan plan, ApplyOptions options, ApplyListener listener) throws InterruptedException {
        return engine.get().apply(host, plan, options, listener, new Cancellation());
    }
}
