package dev.nettune.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nettune host ...}: the hosts NetTune can reach. Areas add their subcommand classes to
 * the {@code subcommands} list below (e.g. {@code state}).
 */
@Command(name = "host", mixinStandardHelpOptions = true,
        description = "Hosts: list, add and remove saved hosts, check that one can be reached.",
        subcommands = {HostListCommand.class, HostAddCommand.class, HostRemoveCommand.class, HostCheckCommand.class,
            HostStateCommand.class})
public final class HostCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
