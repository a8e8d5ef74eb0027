package dev.nettune.monitor;

import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import java.time.Duration;

/** Reads a NIC's counters once over the host port, with the sampler's sections and parser. */
public final class HostCounterReader implements CounterReader {
    private final Host host;
    private final NicIdentity nic;
    private final SnapshotParser parser;

    public HostCounterReader(Host host, NicIdentity nic) {
        this.host = host;
        this.nic = nic;
        this.parser = new SnapshotParser(nic);
    }

    @Override
    public CounterSnapshot read() throws HostException, InterruptedException {
        CommandResult r = host.run(SamplerScript.onceCommand(nic.nic()), Duration.ofSeconds(20));
        SampleFrame[] frame = new SampleFrame[1];
        SampleFrameReader reader = new SampleFrameReader(f -> frame[0] = f, System::currentTimeMillis);
        r.stdout().lines().forEach(reader::line);
        if (frame[0] == null) {
            throw new HostException(r.stderr().isBlank()
                    ? dev.nettune.Phrase.of("monitor.counters.noSnapshot", "Reading the counters of {0} on {1} printed no snapshot.",
                            nic.nic(), host.name())
                    : dev.nettune.Phrase.of("monitor.counters.noSnapshotBecause", "Reading the counters of {0} on {1} printed no"
                            + " snapshot: {2}", nic.nic(), host.name(), r.stderr().strip()));
        }
        return parser.parse(frame[0]);
    }
}
