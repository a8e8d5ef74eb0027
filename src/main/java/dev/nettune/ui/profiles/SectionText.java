package dev.nettune.ui.profiles;

import dev.nettune.ui.common.Messages;
import java.util.Map;

/** Reading and writing the profile editor's "key = value" text fields, and turning a refusal into a field's message. */
final class SectionText {
    private SectionText() {
    }

    /** "" when the action accepts the input, else its message (which says what is allowed). */
    static String check(Runnable action) {
        try {
            action.run();
            return "";
        } catch (IllegalArgumentException e) {
            return Messages.problem(e);
        }
    }

    /** Receives one "key = value" line; throws with a message when the line is not allowed. */
    interface LineSink {
        void accept(String key, String value);
    }

    static String parseLines(String text, char separator, String example, LineSink sink) {
        String[] lines = text == null ? new String[0] : text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf(separator);
            if (eq <= 0) {
                return Messages.format("profiles.line.noSeparator", i + 1, line, String.valueOf(separator), example);
            }
            try {
                sink.accept(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } catch (IllegalArgumentException e) {
                return Messages.format("profiles.line.error", i + 1, Messages.problem(e));
            }
        }
        return "";
    }

    static String lines(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
        return b.toString().strip();
    }
}
