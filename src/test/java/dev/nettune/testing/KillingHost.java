package dev.nettune.testing;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host seen through a NetTune process that is killed (kill -9) at a chosen point: before its n-th
 * {@code run} (the command is never sent) or after it (the command ran, its result never arrives).
 * From then on every call throws {@link Killed}, an Error no engine code catches, so no journal
 * write, rollback or lock release that needs the host happens after the kill, as in a real crash.
 */
public final class KillingHost implements Host {
    /** The simulated SIGKILL. */
    public static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        public Killed(String where) {
            super("killed " + where);
        }
    }

    private final Host host;
    private final int killAt;
    private final boolean afterCommand;
    private final AtomicInteger runs = new AtomicInteger();
    private volatile boolean dead;
    /** The commands run, in order (for the report of where the kill hit). */
    public final List<String> ran = new ArrayList<>();

    /** Kills before (or, with {@code afterCommand}, just after) the {@code killAt}-th run (1-based); 0 never. */
    public KillingHost(Host host, int killAt, boolean afterCommand) {
        this.host = host;
        this.killAt = killAt;
        this.afterCommand = afterCommand;
    }

    public boolean killed() {
        return dead;
    }

    public int runs() {
        return runs.get();
    }

    @Override
    public String name() {
        return host.name();
    }

    @Override
    public CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException {
        if (dead) {
            throw new Killed("(already)");
        }
        int n = runs.incrementAndGet();
        if (n == killAt && !afterCommand) {
            dead = true;
            throw new Killed("before " + command.display());
        }
        CommandResult r = host.run(command, timeout);
        ran.add(command.display());
        if (n == killAt) {
            dead = true;
            throw new Killed("after " + command.display());
        }
        return r;
    }

    @Override
    public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException {
        if (dead) {
            throw new Killed("(already)");
        }
        return host.runAll(commands, timeout);
    }

    @Override
    public LineStream stream(Command command, LineStream.Sink sink) throws HostException {
        if (dead) {
            throw new Killed("(already)");
        }
        return host.stream(command, sink);
    }

    @Override
    public void close() {
        host.close();
    }
}
