package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.host.ssh.SshConfig;
import dev.nettune.host.ssh.SshTarget;
import dev.nettune.store.SavedHost;
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
        SavedHost host = fromSshConfig != null ? fromConfig() : byHand();
        if (!context.hostInventory().add(host)) {
            throw new CliInputException("A host named '" + host.name() + "' is saved already; remove it first"
                    + " (nettune host remove " + host.name() + ") or pick another name.");
        }
        spec.commandLine().getOut().println("Saved " + host.name() + " (" + host.user().map(u -> u + "@").orElse("")
                + host.address() + (host.port().isPresent() ? ":" + host.port().getAsInt() : "")
                + host.jump().map(j -> " via " + j).orElse("") + ").");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private SavedHost byHand() {
        if (name == null || address == null) {
            throw new CliInputException("Give a NAME and --address (nettune host add NAME --address ADDR ...),"
                    + " or --from-ssh-config ALIAS.");
        }
        return new SavedHost(name, address, Optional.ofNullable(user), port == null ? OptionalInt.empty() : OptionalInt.of(port),
                Optional.ofNullable(jump), Optional.ofNullable(identity));
    }

    private SavedHost fromConfig() throws IOException {
        if (address != null) {
            throw new CliInputException("--from-ssh-config takes the address from the ssh configuration; leave out --address.");
        }
        SshConfig config = SshConfig.load(sshConfig != null ? sshConfig : SshConfig.defaultFile());
        if (!config.hasAlias(fromSshConfig)) {
            throw new CliInputException("'" + fromSshConfig + "' is not a Host alias of " + config.file()
                    + (config.aliases().isEmpty() ? " (it has none)." : "; aliases there: " + String.join(", ", config.aliases()) + "."));
        }
        SshTarget t = config.resolve(fromSshConfig, port == null ? 0 : port, user);
        Optional<Path> key = identity != null ? Optional.of(identity) : t.identities().stream().findFirst();
        return new SavedHost(name != null ? name : fromSshConfig, t.hostName(), Optional.of(t.user()), OptionalInt.of(t.port()),
                jump != null ? Optional.of(jump) : t.proxyJump(), key);
    }
}
