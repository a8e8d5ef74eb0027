package dev.nettune.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One program run on a host: the program, its arguments (each passed literally, never through a
 * shell unquoted), optional standard input, and whether it needs root.
 */
public record Command(String program, List<String> args, Optional<String> stdin, boolean needsRoot) {
    private static final Pattern PROGRAM = Pattern.compile("[A-Za-z0-9_./+-]{1,128}");

    public Command {
        Objects.requireNonNull(program, "program");
        if (!PROGRAM.matcher(program).matches()) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("host.command.badProgram", "Not a program name: '{0}'.",
                    program));
        }
        args = List.copyOf(args);
        for (String a : args) {
            if (a.indexOf('\0') >= 0) {
                // A value from a profile or a flows file may carry one; said in the user's language (an InputException).
                throw new dev.nettune.InputException(dev.nettune.Phrase.of("host.command.nulArgument", "An argument of {0} contains a"
                        + " NUL character; programs receive C strings, so any character but NUL is allowed.", program));
            }
        }
        Objects.requireNonNull(stdin, "stdin");
    }

    public static Command of(String program, String... args) {
        return new Command(program, List.of(args), Optional.empty(), false);
    }

    public static Command of(String program, List<String> args) {
        return new Command(program, args, Optional.empty(), false);
    }

    public Command asRoot() {
        return new Command(program, args, stdin, true);
    }

    public Command withStdin(String input) {
        return new Command(program, args, Optional.of(input), needsRoot);
    }

    /** How the command reads to a person: program and arguments, each quoted where a shell would need it. */
    public String display() {
        return (needsRoot ? "sudo " : "") + ShellQuoting.join(program, args);
    }
}
