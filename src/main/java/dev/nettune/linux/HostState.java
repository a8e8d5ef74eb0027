package dev.nettune.linux;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything NetTune reads about a host in one round trip: kernel, OS release, CPUs, every NIC, the
 * TIME-WAIT and SMC sysctls, whether the smc module is loaded, the state of irqbalance, tuned and
 * NetworkManager, and NetTune's persisted sysctl file. Each fact is a {@link Reading}.
 */
public record HostState(
        String host,
        Instant readAt,
        Reading<String> kernel,
        Reading<OsRelease> os,
        Reading<Integer> cpuCount,
        Reading<CpuSet> onlineCpus,
        List<NicState> nics,
        Map<String, Reading<String>> timeWaitSysctls,
        Reading<Map<String, String>> smcSysctls,
        Reading<Boolean> smcModuleLoaded,
        Map<String, Reading<String>> services,
        Reading<Optional<String>> tuningConf) {

    /** The TIME-WAIT sysctls the seed's step 4 sets. */
    public static final List<String> TIME_WAIT_SYSCTLS = List.of(
            "net.ipv4.tcp_tw_reuse", "net.ipv4.tcp_max_tw_buckets", "net.ipv4.tcp_fin_timeout");

    /** The services whose state matters to tuning (they rewrite IRQ affinity, sysctls or NIC settings). */
    public static final List<String> SERVICES = List.of("irqbalance", "tuned", "NetworkManager");

    /** Where NetTune persists its sysctls (the seed's step 8). */
    public static final String TUNING_CONF = "/etc/sysctl.d/99-network-tuning.conf";

    public HostState {
        nics = List.copyOf(nics);
        timeWaitSysctls = Map.copyOf(timeWaitSysctls);
        services = Map.copyOf(services);
    }

    public Optional<NicState> nic(String name) {
        return nics.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
