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

    /** The language of the human text, on any command; the environment's (LC_ALL, LC_MESSAGES, LANG) when not given. */
    @CommandLine.Option(names = "--lang", paramLabel = "LANG", scope = CommandLine.ScopeType.INHERIT,
            description = "Language of the human output: en or zh_CN (default: LC_ALL, LC_MESSAGES, LANG). JSON is the same in every language.")
    void setLanguage(String value) {
        if (value != null) {
            CliText.use(CliLocale.fromOption(value));
            // Parsing ends before any usage help is printed, so --help anywhere on the line speaks this language.
            spec.root().commandLine().setResourceBundle(CliText.bundle());
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line wired with the area commands, validation errors mapped to exit code 2. */
    public static CommandLine commandLine(AppContext context, PrintWriter out, PrintWriter err) {
        return commandLine(context, out, err, CliCommands.all(), null);
    }

    /** The command line {@link #execute} runs for {@code args}: only the area and the command they name, where they do. */
    static CommandLine commandLineFor(AppContext context, PrintWriter out, PrintWriter err, java.io.OutputStream outBytes,
            String... args) {
        return commandLine(context, out, err, CliCommands.forArguments(args), outBytes, args);
    }

    /**
     * The same with only the given area commands under the root (what {@link #execute} runs needs one) and, when
     * {@code outBytes} is not null, the byte stream {@code out} writes to (see {@link CliOut#asciiBytes()}).
     */
    static CommandLine commandLine(AppContext context, PrintWriter out, PrintWriter err, java.util.List<Class<?>> areas,
            java.io.OutputStream outBytes, String... args) {
        // Each command line starts from the environment's language (LC_ALL, LC_MESSAGES, LANG); --lang, when parsed,
        // overrides it. The language is JVM-wide: without this, one command's --lang zh_CN leaked into the next.
        CliText.use(CliLocale.fromEnvironment(System.getenv()));
        CommandLine cl = new CommandLine(new NetTuneCommand(), new ContextFactory(context));
        for (Class<?> sub : areas) {
            cl.addSubcommand(sub);
            java.util.List<Class<?>> children = CliCommands.childrenOf(sub, args);
            if (!children.isEmpty()) {
                CommandLine area = cl.getSubcommands().get(sub.getAnnotation(Command.class).name());
                for (Class<?> child : children) {
                    area.addSubcommand(child);
                }
            }
        }
        // Help in the environment's language (set before this); --lang changes it while parsing.
        cl.setResourceBundle(CliText.bundle());
        // Host- and user-supplied text is printed through an escaping writer: no terminal escape reaches the screen.
        cl.setOut(new CliOut(new TerminalSafeWriter(out), outBytes));
        cl.setErr(new PrintWriter(new TerminalSafeWriter(err), true));
        // Numbers as a person writes them: ASCII digits with an optional minus, nothing Java's parser would also
        // take (+5, 1e3 for a double, other scripts' digits); the ranges are checked by each option.
        cl.registerConverter(Integer.class, s -> (int) strictWholeNumber(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cl.registerConverter(Integer.TYPE, s -> (int) strictWholeNumber(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cl.registerConverter(Long.class, s -> strictWholeNumber(s, Long.MIN_VALUE, Long.MAX_VALUE));
        cl.registerConverter(Long.TYPE, s -> strictWholeNumber(s, Long.MIN_VALUE, Long.MAX_VALUE));
        cl.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine c = ex.getCommandLine();
            CliParseErrors.useLanguageOf(arguments);
            c.getCommandSpec().root().commandLine().setResourceBundle(CliText.bundle());
            c.getErr().println(UserMessages.scrub(CliParseErrors.say(ex)));
            if (!CliParseErrors.printSuggestions(ex, c.getErr())) {
                c.usage(c.getErr());
            }
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean badInput = ex instanceof IllegalArgumentException || ex instanceof CliInputException;
            commandLine.getErr().println("nettune: " + UserMessages.of(ex));
            return badInput ? EXIT_BAD_INPUT : 1;
        });
        return cl;
    }

    /** A whole number in ASCII digits, optionally negative, within [min, max]; anything else is refused by name. */
    static long strictWholeNumber(String text, long min, long max) {
        String shown = dev.nettune.host.Printable.clip(text);
        if (text == null || !text.matches("-?[0-9]{1,19}")) {
            throw new CommandLine.TypeConversionException(CliText.format("error.notWholeNumber", shown));
        }
        try {
            long v = Long.parseLong(text);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(CliText.format("error.tooLarge", shown, String.valueOf(min),
                    String.valueOf(max)));
        }
    }

    /**
     * The terminal's own encoding when it can show Chinese (UTF-8, GB18030 ...), else UTF-8: under the C locale
     * Java's ASCII would print every Chinese character and every arrow as '?'.
     */
    static java.nio.charset.Charset outputCharset() {
        java.nio.charset.Charset n;
        try {
            n = java.nio.charset.Charset.forName(System.getProperty("native.encoding",
                    java.nio.charset.Charset.defaultCharset().name()));
        } catch (RuntimeException e) {
            n = java.nio.charset.StandardCharsets.UTF_8;
        }
        return n.canEncode() && n.newEncoder().canEncode("\u7d22\u5f15\u2192") ? n : java.nio.charset.StandardCharsets.UTF_8;
    }

    public static int execute(String... args) {
        try (AppContext context = AppContext.fromEnvironment()) {
            java.nio.charset.Charset cs = outputCharset();
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
            PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
            try {
                return commandLineFor(context, out, err, CliOut.writesAsciiAsIs(cs) ? System.out : null, args).execute(args);
            } finally {
                // print() does not flush an autoflush PrintWriter: a plan printed last would be lost at exit.
                out.flush();
                err.flush();
            }
        }
    }
}
