package dev.nettune.tuning;

import dev.nettune.host.Command;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** One thing a step does on the host: run a command, write a whole file atomically, or remove a file. */
public sealed interface Action {
    /** The structured commands that carry the action out, in order. */
    List<Command> commands();

    /** A line for the preview. */
    String display();

    /** Absolute paths NetTune writes: letters, digits and {@code _.@:+-} in each segment, no {@code ..}. */
    Pattern PATH = Pattern.compile("(/[A-Za-z0-9_.@:+-]+)+");

    static String checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (!PATH.matcher(path).matches() || path.contains("/../") || path.endsWith("/..")) {
            throw new TuningInputException(dev.nettune.Phrase.of("tuning.file.badPath", "'{0}' is not a file path NetTune writes: an absolute path of"
                    + " letters, digits and _.@:+- without '..'.", path));
        }
        return path;
    }

    /**
     * Runs one command. With {@code skipIfAbsent} a failure that says the key or file does not exist
     * (an optional kernel feature) skips the command instead of failing the step.
     */
    record Run(Command command, boolean skipIfAbsent) implements Action {
        public Run {
            Objects.requireNonNull(command, "command");
        }

        public Run(Command command) {
            this(command, false);
        }

        @Override
        public List<Command> commands() {
            return List.of(command);
        }

        @Override
        public String display() {
            return command.display() + (skipIfAbsent ? "    # skipped if this kernel does not have it" : "");
        }
    }

    /**
     * Writes {@code content} to {@code path} atomically: the content goes to a temporary file next to
     * the target, which is then renamed over it, so a reader never sees half a file.
     */
    record WriteFile(String path, String content, String mode) implements Action {
        public WriteFile {
            checkPath(path);
            Objects.requireNonNull(content, "content");
            if (!mode.matches("0?[0-7]{3}")) {
                throw new TuningInputException(dev.nettune.Phrase.of("tuning.file.badMode", "File mode '{0}' is not an octal mode like 644.", mode));
            }
        }

        public String tempPath() {
            return tempPathOf(path);
        }

        /** The temporary file next to {@code path} that an atomic write renames over it. */
        public static String tempPathOf(String path) {
            return path + ".nettune-tmp";
        }

        public String directory() {
            return path.substring(0, path.lastIndexOf('/'));
        }

        @Override
        public List<Command> commands() {
            return List.of(
                    Command.of("mkdir", "-p", directory()).asRoot(),
                    Command.of("tee", tempPath()).withStdin(content).asRoot(),
                    Command.of("chmod", mode, tempPath()).asRoot(),
                    Command.of("mv", "-f", tempPath(), path).asRoot());
        }

        @Override
        public String display() {
            return "write " + path + " (atomically: " + tempPath() + " then rename)";
        }
    }

    /** Removes a file NetTune wrote; a missing file is fine. */
    record RemoveFile(String path) implements Action {
        public RemoveFile {
            checkPath(path);
        }

        @Override
        public List<Command> commands() {
            return List.of(Command.of("rm", "-f", path).asRoot());
        }

        @Override
        public String display() {
            return "remove " + path;
        }
    }
}
