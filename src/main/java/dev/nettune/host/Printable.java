package dev.nettune.host;

/**
 * Text from a host or a user made safe to print on a terminal: control characters (ESC sequences that would
 * move the cursor, retitle the window or hide text), C1 controls and bidirectional overrides are shown as
 * \xNN or \\u{NNNN} (backslash notation) instead of being obeyed, and echoed input is cut to a readable length.
 */
public final class Printable {
    /** How much of a value a message echoes: enough to recognise it, never a 10 MB field. */
    public static final int ECHO_LIMIT = 80;

    private Printable() {
    }

    /** One value on one line: every control character escaped, newlines and tabs included. */
    public static String escape(String s) {
        return escape(s, false);
    }

    /** Multi-line text (a file, command output): newlines and tabs kept, every other control escaped. */
    public static String escapeText(String s) {
        return escape(s, true);
    }

    /** {@link #escape} and cut to {@link #ECHO_LIMIT} characters, saying how long the value was. */
    public static String clip(String s) {
        if (s == null) {
            return "(nothing)";
        }
        String head = s.length() > ECHO_LIMIT ? s.substring(0, ECHO_LIMIT) : s;
        String e = escape(head);
        return s.length() > ECHO_LIMIT ? e + "… (" + s.length() + " characters)" : e;
    }

    private static String escape(String s, boolean keepLines) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = isUnsafe(c) && !(keepLines && (c == '\n' || c == '\t' || c == '\r' && next(s, i) == '\n'));
            if (unsafe && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (!unsafe) {
                    b.append(c);
                } else if (c == '\n') {
                    b.append("\\n");
                } else if (c == '\t') {
                    b.append("\\t");
                } else if (c == '\r') {
                    b.append("\\r");
                } else if (c < 0x100) {
                    b.append(String.format("\\x%02x", (int) c));
                } else {
                    b.append(String.format("\\u{%04x}", (int) c));
                }
            }
        }
        return b == null ? s : b.toString();
    }

    private static char next(String s, int i) {
        return i + 1 < s.length() ? s.charAt(i + 1) : 0;
    }

    /** C0 and C1 controls, DEL, and the Unicode bidi overrides and isolates ("Trojan Source"). */
    static boolean isUnsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
