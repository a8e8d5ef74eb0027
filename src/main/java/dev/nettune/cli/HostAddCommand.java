package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nettune host add}: saves a host by hand or from an alias of ~/.ssh/config. Never a password. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Save a host: nettune host add NAME --address ADDR [--user U] [--port P] [--jump J] [--identity F]",
            "or from ~/.ssh/config: nettune host add --from-ssh-config ALIAS [NAME]"})
final class HostAddCommand implements Callable<Integer> {
    private final AppContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Name to save the host under.")
    String name;

    @Option(names = "--address", paramLabel = "ADDR", description = "Host name, IP address or ssh alias.")
    String address;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Login name.")
    String user;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "SSH port (1-65535).")
    Integer port;

    @Option(names = {"-J", "--jump"}, paramLabel = "[USER@]HOST[:PORT]", description = "Bastion to hop through (ProxyJump).")
    String jump;

    @Option(names = {"-i", "--identity"}, paramLabel = "FILE", description = "Private key file.")
    Path identity;

    @Option(names = "--from-ssh-config", paramLabel = "ALIAS", description = "Copy HostName, User, Port, ProxyJump and IdentityFile of this alias.")
    String fromSshConfig;

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "ssh configuration to read (default ~/.ssh/config).")
    Path sshConfig;

    HostAddCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        HostDirectory.Entry host = context.hostDirectory().save(fromSshConfig != null ? fromConfig() : byHand());
        spec.commandLine().getOut().println(CliText.format("host.add.done", host.name(), host.reachPhrase().in(CliText.locale())));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private HostDirectory.NewHost byHand() {
        if (name == null || address == null) {
            throw new CliInputException(CliText.get("host.add.needNameAndAddress"));
        }
        return new HostDirectory.NewHost(name, address, Optional.ofNullable(user),
                port == null ? OptionalInt.empty() : OptionalInt.of(port), Optional.ofNullable(jump), Optional.ofNullable(identity));
    }

    private HostDirectory.NewHost fromConfig() throws IOException {
        if (address != null) {
            throw new CliInputException(CliText.get("host.add.addressFromConfig"));
        }
        return context.hostDirectory().fromSshConfig(fromSshConfig, Optional.ofNullable(name), Optional.ofNullable(sshConfig),
                port == null ? OptionalInt.empty() : OptionalInt.of(port), Optional.ofNullable(user), Optional.ofNullable(jump),
                Optional.ofNullable(identity));
    }
}
