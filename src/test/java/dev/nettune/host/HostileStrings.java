package dev.nettune.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Arguments a user might type that a careless shell would run instead of pass: every one must arrive literally. */
public final class HostileStrings {
    private HostileStrings() {
    }

    /** The strings, plus command substitutions that would create {@code canary} if a shell ran them. */
    public static List<String> all(Path canary) {
        List<String> s = new ArrayList<>(List.of(
                ";", "a; echo injected", "$(id)", "`id`", "'", "\"", "it's \"quoted\"", "line1\nline2\n",
                "*", "/*", "-n", "--", "-rf", "", " spaced  out ", "\\", "\\n", "$HOME", "${PATH}", "!", "!!",
                "&&", "| cat", "> /dev/null", "~", "#comment", "a\tb", "é 中文 ü", "%s%d%n", "$((1+1))",
                "\r", "'\"'\"'", "NT-0000-NT DONE"));
        String c = canary.toAbsolutePath().toString();
        s.add("$(touch " + c + ")");
        s.add("`touch " + c + "`");
        s.add("'; touch " + c + "; '");
        s.add("\"; touch " + c + "; \"");
        s.add("x\ntouch " + c + "\n");
        return List.copyOf(s);
    }

    /** A command that prints each argument followed by NUL, so the test can compare argv exactly. */
    public static Command printArgv(List<String> args) {
        List<String> a = new ArrayList<>();
        a.add("%s\\000");
        a.addAll(args);
        return Command.of("printf", a);
    }

    /** Splits NUL-terminated output back into the arguments. */
    public static List<String> argvOf(String stdout) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < stdout.length(); i++) {
            if (stdout.charAt(i) == '\0') {
                out.add(stdout.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }
}
