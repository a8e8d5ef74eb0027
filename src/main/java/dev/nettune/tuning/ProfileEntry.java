package dev.nettune.tuning;

import java.util.List;
import java.util.Optional;

/**
 * One line of a tuning profile: either a concrete {@link Change}, or an intent that becomes changes
 * once the host is known (for example "TX queue i to CPU i mod n", which needs the CPU count).
 */
public interface ProfileEntry {
    /** The changes this entry stands for on a host with these facts, within this profile. */
    List<Change> expand(HostFacts facts, Profile profile);

    /** Why this entry means nothing on a host with these facts (it then expands to no change), for the plan's notes. */
    default Optional<dev.nettune.Phrase> skippedOn(HostFacts facts) {
        return Optional.empty();
    }

    /** Writes every sysctl of the profile into {@code /etc/sysctl.d/99-network-tuning.conf}. */
    record PersistSysctls(String path) implements ProfileEntry {
        public PersistSysctls {
            path = path == null ? SysctlFileChange.DEFAULT_PATH : Action.checkPath(path);
        }

        @Override
        public List<Change> expand(HostFacts facts, Profile profile) {
            var sysctls = profile.entries().stream().filter(SysctlChange.class::isInstance)
                    .map(SysctlChange.class::cast).toList();
            if (sysctls.isEmpty()) {
                return List.of();
            }
            var m = new java.util.LinkedHashMap<String, String>();
            sysctls.forEach(s -> m.put(s.name(), s.value()));
            if (!path.equals(SysctlFileChange.DEFAULT_PATH)) {
                // A file elsewhere is not read at boot next to /etc/sysctl.conf: nothing there can undo it.
                return List.of(new SysctlFileChange(path, m));
            }
            // A file read later at boot would win over ours: align its lines too (nothing to do when it has none).
            return List.of(new SysctlFileChange(path, m), SysctlFileChange.overridesIn(SysctlFileChange.SYSTEM_CONF, m));
        }
    }

    /** Loads the smc module at every boot ({@code /etc/modules-load.d/nettune-smc.conf}). */
    record PersistSmc() implements ProfileEntry {
        public static final String PATH = "/etc/modules-load.d/nettune-smc.conf";

        @Override
        public List<Change> expand(HostFacts facts, Profile profile) {
            return List.of(FileChange.of(PATH, "# Written by NetTune: load SMC at boot.\nsmc\n"));
        }
    }

    /** Keeps a NIC unmanaged across NetworkManager restarts with a conf.d file. */
    record PersistNetworkManager(String nic) implements ProfileEntry {
        public PersistNetworkManager {
            TuningInputException.checkNic(nic);
        }

        @Override
        public List<Change> expand(HostFacts facts, Profile profile) {
            return List.of(NetworkManagerChange.unmanage(nic).persistence());
        }
    }

    /**
     * Keeps irqbalance away from these IRQs with a systemd drop-in that adds {@code --banirq} to
     * {@code IRQBALANCE_ARGS}, then restarts irqbalance if it runs.
     */
    record BanIrqs(List<Integer> irqs) implements ProfileEntry {
        public static final String PATH = "/etc/systemd/system/irqbalance.service.d/nettune-banirq.conf";

        public BanIrqs {
            irqs = List.copyOf(irqs);
            if (irqs.isEmpty() || irqs.stream().anyMatch(i -> i < 0 || i > 65535)) {
                throw new TuningInputException(dev.nettune.Phrase.of("tuning.banIrqs.none", "Ban IRQs: give one or more IRQ numbers 0-65535."));
            }
        }

        /**
         * irqbalance runs as a systemd service: on a host without systemd (a minimal image, a container) there is no
         * irqbalance.service to ban the IRQs from, and systemctl is not there to reload it.
         */
        @Override
        public Optional<dev.nettune.Phrase> skippedOn(HostFacts facts) {
            return facts.systemd() ? Optional.empty() : Optional.of(dev.nettune.Phrase.of("tuning.skip.banIrqsNoSystemd",
                    "Ban IRQs {0} from irqbalance: this host does not run systemd, so it has no irqbalance service to keep away from them",
                    irqs.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))));
        }

        @Override
        public List<Change> expand(HostFacts facts, Profile profile) {
            if (skippedOn(facts).isPresent()) {
                return List.of();
            }
            StringBuilder args = new StringBuilder();
            irqs.forEach(i -> args.append(args.length() == 0 ? "" : " ").append("--banirq=").append(i));
            return List.of(new FileChange(PATH, "# Written by NetTune: irqbalance leaves these IRQs where NetTune put"
                    + " them.\n[Service]\nEnvironment=\"IRQBALANCE_ARGS=" + args + "\"\n", "644",
                    List.of(List.of("systemctl", "daemon-reload"), List.of("systemctl", "try-restart", "irqbalance")),
                    List.of(List.of("systemctl", "daemon-reload"), List.of("systemctl", "try-restart", "irqbalance"))));
        }
    }
}
