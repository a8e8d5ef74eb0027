package dev.nettune.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nettune rss ...}: the RSS calculator, tables, key solving and reverse search on the command line. */
@Command(name = "rss", mixinStandardHelpOptions = true,
        description = "RSS: Toeplitz hash, indirection tables, key solving, reverse port search.",
        subcommands = {RssHashCommand.class, RssTableCommand.class, RssShowCommand.class, RssKeyCommand.class,
            RssSolveCommand.class, RssFindPortsCommand.class, RssDistributionCommand.class, RssApplyCommand.class, RssBalanceCommand.class})
final class RssCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
