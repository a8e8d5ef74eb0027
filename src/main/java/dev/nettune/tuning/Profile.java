package dev.nettune.tuning;

import dev.nettune.Phrase;
import java.util.List;
import java.util.Objects;

/**
 * A named set of tunings a user applies to hosts: the built-in one or their own, saved as a readable file.
 * Unless marked {@code unrestricted}, it stays within {@link ProfileLimits} (checked here, so a profile
 * that would write any path or run any program as root cannot exist unmarked).
 */
public record Profile(String name, String description, List<ProfileEntry> entries, boolean unrestricted) {
    public static final String ECS_HIGH_THROUGHPUT = "ECS high throughput";
    public static final String SEED_WORKFLOW = "ECS networking workflow (seed steps 4-8)";
    public static final String LOW_LATENCY = "Low latency (busy polling, XPS spread)";
    /** The secondary NIC the seed tunes (its step 6 names eth1). */
    public static final String SEED_NIC = "eth1";

    public Profile {
        if (name == null || name.isBlank() || name.length() > 80 || name.contains("\n")) {
            throw new TuningInputException(Phrase.of("tuning.profile.badName", "A profile needs a name of 1-80 characters on one line."));
        }
        description = description == null ? "" : description;
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        List<Phrase> beyond = ProfileLimits.beyondPhrases(entries);
        if (!unrestricted && !beyond.isEmpty()) {
            Phrase first = Phrase.joined(" ", beyond.subList(0, Math.min(3, beyond.size())));
            throw new TuningInputException(beyond.size() > 3
                    ? Phrase.of("tuning.profile.beyondMore", "Profile '{0}' goes beyond what a tuning profile may do: {1} (and {2}"
                            + " more) To run it anyway, mark the profile {3} and pass {4} (each such step is then shown with a"
                            + " WARNING in the plan).", name, first, beyond.size() - 3, ProfileLimits.MARK, ProfileLimits.FLAG)
                    : Phrase.of("tuning.profile.beyond", "Profile '{0}' goes beyond what a tuning profile may do: {1} To run it"
                            + " anyway, mark the profile {2} and pass {3} (each such step is then shown with a WARNING in the plan).",
                            name, first, ProfileLimits.MARK, ProfileLimits.FLAG));
        }
    }

    /** A profile within {@link ProfileLimits}. */
    public Profile(String name, String description, List<ProfileEntry> entries) {
        this(name, description, entries, false);
    }

    /** What this (marked) profile does beyond {@link ProfileLimits}, one line each; empty for any other profile. */
    public List<String> beyondLimits() {
        return ProfileLimits.beyond(entries);
    }

    /** {@link #beyondLimits()} as phrases the screens and the CLI say in the user's language. */
    public List<Phrase> beyondLimitPhrases() {
        return ProfileLimits.beyondPhrases(entries);
    }

    /**
     * The seed's TIME-WAIT tuning (tcp_tw_reuse=1, tcp_max_tw_buckets=200000, tcp_fin_timeout=15),
     * persisted in /etc/sysctl.d/99-network-tuning.conf.
     */
    public static Profile ecsHighThroughput() {
        return new Profile(ECS_HIGH_THROUGHPUT,
                "Reduce TCP TIME-WAIT accumulation (seed step 4) and persist it across reboots (step 8).",
                List.of(new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
                        new SysctlChange("net.ipv4.tcp_max_tw_buckets", "200000"),
                        new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                        new ProfileEntry.PersistSysctls(null)));
    }

    /**
     * Every host step of the seed's workflow on eth1: TIME-WAIT (step 4), SMC loaded at boot with its
     * sysctls (step 5), XPS for tx-0 on CPUs 0-3 written as the mask the kernel takes (step 6),
     * NetworkManager leaving eth1 alone across restarts (step 7), the sysctls persisted in
     * /etc/sysctl.d/99-network-tuning.conf (step 8), and XPS re-applied after a reboot or a re-attach.
     */
    public static Profile seedWorkflow() {
        return new Profile(SEED_WORKFLOW,
                "Every host step of 'Configure and optimize ECS networking for production' on " + SEED_NIC
                        + ": TIME-WAIT, SMC, XPS, NetworkManager, persistence across reboot and re-attach.",
                List.of(new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
                        new SysctlChange("net.ipv4.tcp_max_tw_buckets", "200000"),
                        new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                        SmcChange.seedValues(),
                        new ProfileEntry.PersistSmc(),
                        new XpsChange(SEED_NIC, 0, "0-3"),
                        NetworkManagerChange.unmanage(SEED_NIC),
                        new ProfileEntry.PersistNetworkManager(SEED_NIC),
                        new ProfileEntry.PersistSysctls(null),
                        new BootReapply(SEED_NIC)));
    }

    /**
     * Fewer microseconds per request rather than more requests per second: busy polling of the socket
     * (50 us), no slow start after idle, no autocorking of small writes, TCP Fast Open both ways; each TX
     * queue sent from its own CPU (XPS spread), eth1 out of NetworkManager's hands; all persisted.
     */
    public static Profile lowLatency() {
        return new Profile(LOW_LATENCY,
                "Latency first: busy polling, no slow start after idle, no autocorking, TCP Fast Open, TX queue i"
                        + " on CPU i, persisted across reboot and re-attach.",
                List.of(new SysctlChange("net.core.busy_poll", "50"),
                        new SysctlChange("net.core.busy_read", "50"),
                        new SysctlChange("net.ipv4.tcp_slow_start_after_idle", "0"),
                        new SysctlChange("net.ipv4.tcp_autocorking", "0"),
                        new SysctlChange("net.ipv4.tcp_fastopen", "3"),
                        new XpsChange.Spread(SEED_NIC),
                        NetworkManagerChange.unmanage(SEED_NIC),
                        new ProfileEntry.PersistNetworkManager(SEED_NIC),
                        new ProfileEntry.PersistSysctls(null),
                        new BootReapply(SEED_NIC)));
    }

    /** The built-in profiles, by name. */
    public static List<Profile> builtIn() {
        return List.of(ecsHighThroughput(), seedWorkflow(), lowLatency());
    }
}
