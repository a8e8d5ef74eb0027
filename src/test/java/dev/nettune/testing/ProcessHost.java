package dev.nettune.testing;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only Host that runs each command as a real process of this machine (no shell), counting
 * runAll calls: enough to run the host-state probes for real until the local adapter of the host
 * area is used instead.
 */
public final class ProcessHost implements Host {
    private final AtomicInteger runAllCalls = new AtomicInteger();

    public int runAllCalls() {
        return runAllCalls.get();
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(command.program());
        argv.addAll(command.args());
        try {
            Process p = new ProcessBuilder(argv).start();
            command.stdin().ifPresent(s -> {
                try {
                    p.getOutputStream().write(s.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the process ended before reading its input; its exit code tells
                }
            });
            p.getOutputStream().close();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new HostException(command.display() + " timed out");
            }
            return new CommandResult(command, p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new CommandResult(command, 127, "", command.program() + ": command not found\n");
        }
    }

    @Override
    public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException {
        runAllCalls.incrementAndGet();
        List<CommandResult> results = new ArrayList<>();
        for (Command c : commands) {
            results.add(run(c, timeout));
        }
        return results;
    }

    @Override
    public LineStream stream(Command command, LineStream.Sink sink) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public void close() {
    }
}
