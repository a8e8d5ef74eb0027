package dev.nettune.rig;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import dev.nettune.host.local.LocalHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rig's namespace as a sender host: every command runs on this machine under {@code ip netns exec} in the
 * namespace whose tap faces the guest's eth0, so NetTune's real hping3 sender sends from there (as it would over SSH
 * from a sender instance), with its designed payload lengths.
 */
final class RigNamespaceHost implements Host {
    private final LocalHost local = new LocalHost();

    @Override
    public String name() {
        return "netns:" + RigGuest.NS;
    }

    private static Command inside(Command c) {
        List<String> a = new ArrayList<>(List.of("netns", "exec", RigGuest.NS, c.program()));
        a.addAll(c.args());
        Command wrapped = Command.of("ip", a);
        wrapped = c.stdin().map(wrapped::withStdin).orElse(wrapped);
        return c.needsRoot() ? wrapped.asRoot() : wrapped;
    }

    @Override
    public CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException {
        CommandResult r = local.run(inside(command), timeout);
        return new CommandResult(command, r.exitCode(), r.stdout(), r.stderr());
    }

    @Override
    public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException {
        List<CommandResult> out = new ArrayList<>();
        for (Command c : commands) {
            out.add(run(c, timeout));
        }
        return out;
    }

    @Override
    public LineStream stream(Command command, LineStream.Sink sink) throws HostException {
        return local.stream(inside(command), sink);
    }

    @Override
    public void close() {
        local.close();
    }
}
