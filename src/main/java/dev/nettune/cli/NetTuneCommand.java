package dev.nettune.cli;

import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code nettune <area> <action> ...}. */
@Command(name = "nettune", mixinStandardHelpOptions = true, version = "NetTune 0.1.0",
        description = "Set up and tune Alibaba Cloud ECS networking: RSS, kernel, ENIs, live queues.",
        subcommands = {CommandLine.HelpCommand.class})
public final class NetTuneCommand implements Runnable {
    /** Exit code for bad input (a usage error, or a value that fails validation). */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line wired with the area commands, validation errors mapped to exit code 2. */
    public static CommandLine commandLine(AppContext context, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new NetTuneCommand(), new ContextFactory(context));
        for (Class<?> sub : CliCommands.all()) {
            cl.addSubcommand(sub);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof CliInputException) {
                commandLine.getErr().println("nettune: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("nettune: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cl;
    }

    public static int execute(String... args) {
        try (AppContext context = AppContext.fromEnvironment()) {
            PrintWriter out = new PrintWriter(System.out, true);
            PrintWriter err = new PrintWriter(System.err, true);
            try {
                return commandLine(context, out, err).execute(args);
            } finally {
                // print() does not flush an autoflush PrintWriter: a plan printed last would be lost at exit.
                out.flush();
                err.flush();
            }
        }
    }
}
