package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.SharedSshHost;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code nettune host check HOST}: connects, verifies the host key, runs {@code uname -r}. */
@CommandLine.Command(name = "check", mixinStandardHelpOptions = true,
        description = "Connect to a host (verifying its key) and print its kernel release.")
final class HostCheckCommand implements Callable<Integer> {
    private final AppContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "local, sandbox, a saved host, an ssh alias, or user@host[:port].")
    String host;

    @Mixin
    HostConnectionOptions connection;

    HostCheckCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws HostException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        context.hostResolver().configNotes(host).forEach(n -> spec.commandLine().getErr().println(CliText.format("host.check.note",
                n.in(CliText.locale()))));
        try (Host h = context.hostResolver().resolve(host, connection.toHostOptions())) {
            CommandResult r = h.run(Command.of("uname", "-r"), Duration.ofSeconds(30));
            String kernel = r.stdoutOrThrow().strip();
            out.println(CliText.format("host.check.reachable", h.name(), kernel));
            if (h instanceof SharedSshHost) {
                SharedSshHost ssh = (SharedSshHost) h;
                out.println(CliText.format("host.check.as", ssh.targetDisplay()));
                ssh.hostKeyFingerprint().ifPresent(fp -> out.println(CliText.format("host.check.hostKey", fp,
                        ssh.hostKeyTrust().map(t -> t.describePhrase().in(CliText.locale())).orElse(CliText.get("host.check.verified")))));
            }
            out.flush();
            return 0;
        }
    }
}
