package dev.nettune.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nettune rss ...}: the RSS calculator, tables, key solving and reverse search on the command line. */
@Command(name = "rss", mixinStandardHelpOptions = true,
        description = "RSS: Toeplitz hash, indirection tables, key solving, reverse port search.")
final class RssCommand implements Runnable {
    /**
     * Its commands, added by {@link NetTuneCommand#commandLine} rather than named in the annotation, so that a run
     * of one of them ({@code rss hash --batch}) builds only that one: picocli reads every option of every command
     * it is given, which was most of a short run's start.
     */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(RssHashCommand.class, RssTableCommand.class,
            RssShowCommand.class, RssKeyCommand.class, RssSolveCommand.class, RssFindPortsCommand.class,
            RssDistributionCommand.class, RssApplyCommand.class, RssBalanceCommand.class);

    /** The one command {@code word} names, or all of them (for {@code rss --help}, a misspelt name, an option). */
    static java.util.List<Class<?>> commandsFor(String word) {
        Class<?> c = word == null ? null : switch (word) {
            case "hash" -> RssHashCommand.class;
            case "table" -> RssTableCommand.class;
            case "show" -> RssShowCommand.class;
            case "key" -> RssKeyCommand.class;
            case "solve" -> RssSolveCommand.class;
            case "find-ports" -> RssFindPortsCommand.class;
            case "distribution" -> RssDistributionCommand.class;
            case "apply" -> RssApplyCommand.class;
            case "balance" -> RssBalanceCommand.class;
            default -> null;
        };
        return c == null ? COMMANDS : java.util.List.of(c);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
