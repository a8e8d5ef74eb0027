package dev.nettune.host.ssh;

import dev.nettune.Phrase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ssh configuration file as OpenSSH's readconf.c reads it, before any line means anything: each line split into a
 * keyword and its (quoted) arguments, Include expanded where it stands (relative to ~/.ssh, globbed). What the lines
 * mean for a host is {@link SshConfig}'s.
 */
final class SshConfigFile {
    /** OpenSSH's READCONF_MAX_DEPTH: deeper Include nesting is an error (a loop). */
    private static final int MAX_INCLUDE_DEPTH = 16;
    /** A config file larger than this is not a config file (a device, a log): refused, not read into memory. */
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** One line of a config file as readconf splits it: lower-case keyword, its arguments, where it was. */
    record Directive(String keyword, List<String> args, String where, List<Directive> included) {
    }

    private SshConfigFile() {
    }

    /** The directives of {@code file}, each included file's nested under its Include line. */
    static List<Directive> read(Path file, Path sshDir, Path home) throws IOException {
        return parse(file, sshDir, home, 0);
    }

    private static List<Directive> parse(Path f, Path sshDir, Path home, int depth) throws IOException {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new SshConfigException(Phrase.of("host.config.includeLoop", "Include nests more than {0} files deep at {1} (an Include loop?).",
                    MAX_INCLUDE_DEPTH, f));
        }
        if (!Files.isRegularFile(f)) {
            throw new SshConfigException(Phrase.of("host.config.notRegular", "{0} is not a regular file; an ssh configuration must be one.", f));
        }
        if (Files.size(f) > MAX_FILE_BYTES) {
            throw new SshConfigException(Phrase.of("host.config.tooLarge", "{0} is larger than {1} MB; that is not an ssh configuration.", f,
                    MAX_FILE_BYTES / (1024 * 1024)));
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        List<Directive> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = f + ":" + (i + 1);
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            List<String> words = split(line, where);
            if (words.isEmpty()) {
                continue;
            }
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            if (keyword.equals("include")) {
                if (args.isEmpty()) {
                    throw new SshConfigException(Phrase.of("host.config.includeNoFile", "{0}: Include needs at least one file name.", where));
                }
                List<Directive> body = new ArrayList<>();
                for (String pattern : args) {
                    for (Path p : glob(expandTilde(pattern, home), sshDir)) {
                        if (Files.isDirectory(p)) {
                            continue;
                        }
                        body.addAll(parse(p, sshDir, home, depth + 1));
                    }
                }
                out.add(new Directive(keyword, List.copyOf(args), where, body));
            } else {
                out.add(new Directive(keyword, List.copyOf(args), where, List.of()));
            }
        }
        return out;
    }

    /**
     * readconf's tokenizer: the keyword ends at white space or one '='; arguments are separated by white space,
     * may be quoted with " or ', and an unquoted word starting with '#' ends the line.
     */
    private static List<String> split(String line, String where) throws IOException {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i == n || line.charAt(i) == '#') {
            return words;
        }
        int start = i;
        while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        words.add(line.substring(start, i));
        while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i < n && line.charAt(i) == '=') {
            i++;
        }
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n || line.charAt(i) == '#') {
                return words;
            }
            StringBuilder w = new StringBuilder();
            char quote = 0;
            while (i < n) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else if (c == '\\' && i + 1 < n && (line.charAt(i + 1) == quote || line.charAt(i + 1) == '\\')) {
                        w.append(line.charAt(++i));
                    } else {
                        w.append(c);
                    }
                } else if (Character.isWhitespace(c)) {
                    break;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '\\' && i + 1 < n) {
                    w.append(line.charAt(++i));
                } else {
                    w.append(c);
                }
                i++;
            }
            if (quote != 0) {
                throw new SshConfigException(Phrase.of("host.config.unterminatedQuote", "{0}: unterminated quote.", where));
            }
            words.add(w.toString());
        }
    }

    /** {@code ~} and {@code ~/...} with the home directory, as ssh expands file names. */
    static String expandTilde(String path, Path home) {
        if (path.equals("~")) {
            return home.toString();
        }
        if (path.startsWith("~/")) {
            return home + path.substring(1);
        }
        return path;
    }

    /** glob(3) as Include uses it: every component may hold * ? [..]; matches sorted; none is not an error. */
    private static List<Path> glob(String pattern, Path sshDir) throws IOException {
        Path p = Path.of(pattern);
        if (!p.isAbsolute()) {
            p = sshDir.resolve(p);
        }
        List<Path> current = new ArrayList<>(List.of(p.getRoot()));
        for (Path part : p) {
            String name = part.toString();
            List<Path> next = new ArrayList<>();
            boolean wild = name.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
            for (Path base : current) {
                if (!wild) {
                    Path candidate = base.resolve(name);
                    if (Files.exists(candidate)) {
                        next.add(candidate);
                    }
                    continue;
                }
                if (!Files.isDirectory(base)) {
                    continue;
                }
                List<Path> found = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(base, name)) {
                    for (Path c : ds) {
                        if (!c.getFileName().toString().startsWith(".") || name.startsWith(".")) {
                            found.add(c);
                        }
                    }
                }
                found.sort(null);
                next.addAll(found);
            }
            current = next;
        }
        return current;
    }
}
