package dev.nettune.host;

import java.util.List;
import java.util.regex.Pattern;

/** POSIX shell quoting: every argument arrives as one literal word, whatever it contains. */
public final class ShellQuoting {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuoting() {
    }

    /** The argument as one shell word: left bare when it has only safe characters, else single-quoted. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\"'\"'") + "'";
    }

    public static String join(String program, List<String> args) {
        StringBuilder sb = new StringBuilder(quote(program));
        for (String a : args) {
            sb.append(' ').append(quote(a));
        }
        return sb.toString();
    }
}
