package dev.nettune.rig;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.monitor.Burst;
import dev.nettune.monitor.DesignedFlow;
import dev.nettune.monitor.TestTraffic;
import dev.nettune.monitor.TrafficSender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The monitor's traffic sender played by the rig's frame injector: the scenario's TCP SYNs written onto the tap in
 * front of the guest's eth0 ({@code ip netns exec rssns python3 inject.py rsstap0}), one injector line per flow.
 */
final class RigInjectorSender implements TrafficSender {
    private final Host local;
    private final Path injector;

    RigInjectorSender(Host local, Path rigDir) {
        this.local = local;
        this.injector = rigDir.resolve("inject.py");
    }

    @Override
    public dev.nettune.Phrase describe() {
        return dev.nettune.Phrase.literal("the rig's inject.py in namespace " + RigGuest.NS);
    }

    @Override
    public Readiness check() throws HostException, InterruptedException {
        if (!Files.isReadable(injector)) {
            return new Readiness(false, dev.nettune.Phrase.literal(injector + " is missing: copy the rig first."));
        }
        CommandResult ns = local.run(Command.of("ip", "netns", "list"), Duration.ofSeconds(20));
        boolean up = ns.ok() && ns.stdout().lines().anyMatch(l -> l.split("\\s+")[0].equals(RigGuest.NS));
        return up ? new Readiness(true, dev.nettune.Phrase.literal(RigGuest.NS + " is up."))
                : new Readiness(false, dev.nettune.Phrase.literal("The namespace " + RigGuest.NS + " is missing: ./run.sh start."));
    }

    @Override
    public List<Command> commands(TestTraffic traffic) {
        return List.of(Command.of("ip", "netns", "exec", RigGuest.NS, "python3", injector.toString(), RigGuest.TAP)
                .withStdin(lines(traffic)).asRoot());
    }

    /** The injector's input: the fixed flow as one line of N frames, or one frame per source port for the spread. */
    static String lines(TestTraffic t) {
        StringBuilder sb = new StringBuilder();
        int n = t.scenario() == dev.nettune.monitor.Scenario.FIXED_FLOW ? 1 : t.count();
        for (int i = 0; i < n; i++) {
            var f = t.flowOf(i);
            sb.append("tcp ").append(f.source()).append(' ').append(f.destination()).append(' ').append(f.sourcePort()).append(' ')
                    .append(f.destinationPort()).append(' ').append(n == 1 ? t.count() : 1).append('\n');
        }
        return sb.toString();
    }

    @Override
    public List<Command> commands(Burst burst) {
        StringBuilder sb = new StringBuilder();
        for (DesignedFlow f : burst.flows()) {
            sb.append("tcp ").append(f.flow().source()).append(' ').append(f.flow().destination()).append(' ')
                    .append(f.flow().sourcePort()).append(' ').append(f.flow().destinationPort()).append(' ')
                    .append(burst.packetsPerFlow()).append('\n');
        }
        return List.of(Command.of("ip", "netns", "exec", RigGuest.NS, "python3", injector.toString(), RigGuest.TAP)
                .withStdin(sb.toString()).asRoot());
    }

    @Override
    public void send(Burst burst) throws HostException, InterruptedException {
        CommandResult r = local.run(commands(burst).get(0), Duration.ofSeconds(60));
        long sent = r.stdoutOrThrow().lines().filter(l -> l.startsWith("ok ")).mapToLong(l -> Long.parseLong(l.substring(3).strip())).sum();
        if (sent != burst.packets()) {
            throw new HostException("inject.py sent " + sent + " of " + burst.packets() + " frames: " + r.stdout() + r.stderr());
        }
    }

    @Override
    public void send(TestTraffic traffic) throws HostException, InterruptedException {
        CommandResult r = local.run(commands(traffic).get(0), Duration.ofSeconds(60));
        long sent = r.stdoutOrThrow().lines().filter(l -> l.startsWith("ok ")).mapToLong(l -> Long.parseLong(l.substring(3).strip())).sum();
        if (sent != traffic.count()) {
            throw new HostException("inject.py sent " + sent + " of " + traffic.count() + " frames: " + r.stdout() + r.stderr());
        }
    }
}
