package dev.nettune.host;

import dev.nettune.linux.HostState;
import dev.nettune.linux.HostStateAssembler;
import dev.nettune.linux.HostStateScript;
import dev.nettune.linux.NicName;
import dev.nettune.linux.ProbeOutput;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a host's whole {@link HostState} in ONE round trip: the {@link HostStateScript} probes go to
 * the host as one {@link Host#runAll} call (one SSH channel), and the answers are assembled into a
 * state where every part that could not be read says why. Needs no root.
 */
public final class HostStateReader {
    /** Long enough for ethtool on a 64-queue NIC over a slow link, short enough to tell a hung host. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Clock clock;

    public HostStateReader() {
        this(Clock.systemUTC());
    }

    public HostStateReader(Clock clock) {
        this.clock = clock;
    }

    /** Reads every NIC (except lo). */
    public HostState read(Host host) throws HostException, InterruptedException {
        return read(host, Optional.empty(), DEFAULT_TIMEOUT);
    }

    /** Reads the host; with {@code nic} only that NIC's per-NIC probes run. */
    public HostState read(Host host, Optional<NicName> nic, Duration timeout) throws HostException, InterruptedException {
        List<HostStateScript.Probe> probes = HostStateScript.probes(nic);
        List<Command> commands = new ArrayList<>();
        for (HostStateScript.Probe p : probes) {
            commands.add(Command.of(p.program(), p.args()));
        }
        List<CommandResult> results = host.runAll(commands, timeout);
        if (results.size() != probes.size()) {
            throw new HostException(dev.nettune.Phrase.of("host.state.partialAnswer", "{0} answered {1} of {2} probes.", host.name(),
                    results.size(), probes.size()));
        }
        Map<String, ProbeOutput> outputs = new LinkedHashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            CommandResult r = results.get(i);
            outputs.put(probes.get(i).id(), new ProbeOutput(r.exitCode(), r.stdout(), r.stderr()));
        }
        return HostStateAssembler.assemble(host.name(), clock.instant(), outputs);
    }
}
