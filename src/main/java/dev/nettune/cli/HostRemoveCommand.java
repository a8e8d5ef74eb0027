package dev.nettune.cli;

import dev.nettune.app.AppContext;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nettune host remove NAME}: forgets a saved host (its known_hosts entry stays). */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a saved host.")
final class HostRemoveCommand implements Callable<Integer> {
    private final AppContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    HostRemoveCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!context.hostDirectory().remove(name)) {
            throw new CliInputException(CliText.format("host.remove.none", name));
        }
        spec.commandLine().getOut().println(CliText.format("host.remove.done", name));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
