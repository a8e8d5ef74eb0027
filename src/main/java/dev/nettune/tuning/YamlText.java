package dev.nettune.tuning;

import java.util.regex.Pattern;

/**
 * The few pieces of YAML the exports write, by hand so the domain needs no YAML library: plain keys,
 * double-quoted scalars (JSON-style escapes, which YAML accepts) and literal blocks for file contents
 * and scripts, falling back to a quoted scalar whenever a literal block could not hold the text exactly.
 */
final class YamlText {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private YamlText() {
    }

    /** A mapping key; only the fixed identifiers the exports use. */
    static String key(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a plain YAML key: " + key);
        }
        return key;
    }

    /** The text as a double-quoted scalar: every character arrives as it is, whatever it is. */
    static String quoted(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff
                            || Character.isSurrogate(c) && !validSurrogate(text, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * A value written after {@code key: } at {@code indent} spaces: a literal block (content indented two
     * more) when the text survives one byte for byte, else a quoted scalar on the same line.
     */
    static String block(String text, int indent) {
        if (!blockSafe(text)) {
            return quoted(text);
        }
        String chomp;
        String body;
        if (!text.endsWith("\n")) {
            chomp = "|-";
            body = text;
        } else if (text.endsWith("\n\n")) {
            chomp = "|+";
            body = text.substring(0, text.length() - 1);
        } else {
            chomp = "|";
            body = text.substring(0, text.length() - 1);
        }
        String pad = " ".repeat(indent + 2);
        StringBuilder sb = new StringBuilder(chomp);
        for (String line : body.split("\n", -1)) {
            sb.append('\n');
            if (!line.isEmpty()) {
                sb.append(pad).append(line);
            }
        }
        return sb.toString();
    }

    /**
     * Whether a literal block keeps this text exactly: printable characters and newlines only, a first
     * line that does not start with a blank (YAML would take it as the indentation), no line of blanks
     * only (their length is not kept), and something besides newlines.
     */
    static boolean blockSafe(String text) {
        if (text.isEmpty() || text.isBlank() || text.startsWith(" ") || text.startsWith("\t")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\t' && (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029
                    || c == 0xfeff || Character.isSurrogate(c))) {
                return false;
            }
        }
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty() && line.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
