package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.linux.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole file NetTune owns on the host (a NetworkManager conf.d file, a modules-load.d entry, the
 * boot-time re-apply unit): written atomically, removed on revert when it did not exist before, and
 * followed by the commands that make the system pick it up.
 */
public record FileChange(String path, String content, String mode, List<List<String>> afterWrite,
                         List<List<String>> afterRemove, List<List<String>> beforeRemove) implements Change {
    /** The canonical value of a file that does not exist. */
    public static final String ABSENT = "(no file)";

    public FileChange {
        Action.checkPath(path);
        Objects.requireNonNull(content, "content");
        if (ABSENT.equals(content)) {
            throw new TuningInputException(dev.nettune.Phrase.of("tuning.file.absentContent", "A file's content cannot be '{0}'.", ABSENT));
        }
        mode = mode == null ? "644" : mode;
        afterWrite = argvs(afterWrite);
        afterRemove = argvs(afterRemove);
        beforeRemove = argvs(beforeRemove);
    }

    public FileChange(String path, String content, String mode, List<List<String>> afterWrite,
                      List<List<String>> afterRemove) {
        this(path, content, mode, afterWrite, afterRemove, List.of());
    }

    private static List<List<String>> argvs(List<List<String>> in) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> argv : in == null ? List.<List<String>>of() : in) {
            if (argv.isEmpty()) {
                throw new TuningInputException(dev.nettune.Phrase.of("tuning.file.noProgram", "A command after a file write needs a program."));
            }
            Command.of(argv.get(0), argv.subList(1, argv.size()));
            out.add(List.copyOf(argv));
        }
        return List.copyOf(out);
    }

    private static Command root(List<String> argv) {
        return Command.of(argv.get(0), argv.subList(1, argv.size())).asRoot();
    }

    public static FileChange of(String path, String content) {
        return new FileChange(path, content, "644", List.of(), List.of());
    }

    @Override
    public List<String> writtenFiles() {
        return List.of(path);
    }

    @Override
    public String target() {
        return "file " + path;
    }

    @Override
    public dev.nettune.Phrase titlePhrase() {
        return dev.nettune.Phrase.literal(path);
    }

    @Override
    public String desired() {
        return content;
    }

    @Override
    public List<Command> readCommands() {
        return List.of(Command.of("cat", path).asRoot());
    }

    @Override
    public Reading<String> read(List<CommandResult> results) {
        return readFile(results.get(0));
    }

    /** "(no file)" or "4 lines, 132 bytes". */
    static String summary(String value) {
        return summaryPhrase(value).toString();
    }

    /** {@link #summary} as a phrase the screens say in the user's language. */
    static Phrase summaryPhrase(String value) {
        if (ABSENT.equals(value)) {
            return Phrase.of("tuning.file.absent", "(no file)");
        }
        long lines = value.lines().count();
        int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return lines == 1 ? Phrase.of("tuning.file.oneLine", "1 line, {0} bytes", bytes)
                : Phrase.of("tuning.file.lines", "{0} lines, {1} bytes", lines, bytes);
    }

    static Reading<String> readFile(CommandResult r) {
        if (r.ok()) {
            return Reading.known(r.stdout());
        }
        if (r.stderr().contains("No such file") || r.stderr().contains("Not a directory")) {
            return Reading.known(ABSENT);
        }
        return Reading.unknown(Phrase.of("tuning.read.cannotRead", "cannot be read: {0}", r.stderr().strip()));
    }

    /** A file's content is shown in full in the preview; in a table it is summarised. */
    @Override
    public String show(String value) {
        return FileChange.summary(value);
    }

    @Override
    public Phrase showPhrase(String value) {
        return FileChange.summaryPhrase(value);
    }

    @Override
    public List<Action> actions(String from, String to) {
        List<Action> a = new ArrayList<>();
        if (ABSENT.equals(to)) {
            beforeRemove.forEach(c -> a.add(new Action.Run(root(c))));
            a.add(new Action.RemoveFile(path));
            afterRemove.forEach(c -> a.add(new Action.Run(root(c))));
        } else {
            a.add(new Action.WriteFile(path, to, mode));
            afterWrite.forEach(c -> a.add(new Action.Run(root(c))));
        }
        return a;
    }
}
