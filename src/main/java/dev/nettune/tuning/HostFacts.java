package dev.nettune.tuning;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the planner must know about a host before it can expand and validate a profile: the kernel
 * release (for "not available on this kernel (x.y)"), the online CPUs, TX queue counts per NIC,
 * whether systemd runs (how to arm a revert) and which NIC carries the session.
 */
public record HostFacts(
        String kernelRelease,
        String onlineCpus,
        boolean systemd,
        Optional<String> sessionNic,
        boolean sessionless,
        Map<String, Integer> txQueues,
        boolean irqbalance) {

    public HostFacts {
        Objects.requireNonNull(kernelRelease, "kernelRelease");
        Objects.requireNonNull(onlineCpus, "onlineCpus");
        Objects.requireNonNull(sessionNic, "sessionNic");
        txQueues = Map.copyOf(txQueues);
    }

    /** "6.18" from "6.18.44-fc-v669": the x.y a person recognises. */
    public String kernelVersion() {
        var m = java.util.regex.Pattern.compile("^(\\d+\\.\\d+)").matcher(kernelRelease);
        return m.find() ? m.group(1) : kernelRelease;
    }

    /**
     * Whether a change to {@code nic} can cut the connection NetTune talks over: yes when that NIC
     * carries the session, or when it is not known which one does (then NetTune stays careful).
     */
    public boolean mayCarrySession(String nic) {
        if (sessionless) {
            return false;
        }
        return sessionNic.map(nic::equals).orElse(true);
    }
}
