package dev.nettune.tuning;

import java.util.List;
import java.util.Objects;

/** A named set of tunings a user applies to hosts: the built-in one or their own, saved as a readable file. */
public record Profile(String name, String description, List<ProfileEntry> entries) {
    public static final String ECS_HIGH_THROUGHPUT = "ECS high throughput";

    public Profile {
        if (name == null || name.isBlank() || name.length() > 80 || name.contains("\n")) {
            throw new TuningInputException("A profile needs a name of 1-80 characters on one line.");
        }
        description = description == null ? "" : description;
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
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

    /** The built-in profiles, by name. */
    public static List<Profile> builtIn() {
        return List.of(ecsHighThroughput());
    }
}
