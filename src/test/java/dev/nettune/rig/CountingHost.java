package dev.nettune.rig;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A host that counts the round trips (run/runAll calls) made through it to the host it wraps. */
final class CountingHost implements Host {
    private final Host host;
    private final AtomicInteger roundTrips = new AtomicInteger();

    CountingHost(Host host) {
        this.host = host;
    }

    int roundTrips() {
        return roundTrips.get();
    }

    @Override
    public String name() {
        return host.name();
    }

    @Override
    public CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException {
        roundTrips.incrementAndGet();
        return host.run(command, timeout);
    }

    @Override
    public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException {
        roundTrips.incrementAndGet();
        return host.runAll(commands, timeout);
    }

    @Override
    public LineStream stream(Command command, LineStream.Sink sink) throws HostException {
        roundTrips.incrementAndGet();
        return host.stream(command, sink);
    }

    @Override
    public void close() {
        // the wrapped connection belongs to the rig
    }
}
