package dev.nettune.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the CLI's human text: {@code --lang en|zh_CN} when given, else the POSIX environment
 * ({@code LC_ALL}, then {@code LC_MESSAGES}, then {@code LANG}; the first one set and not empty decides, as
 * for any POSIX program), else English. Any Chinese locale gives Simplified Chinese (the only Chinese NetTune
 * has); {@code C}, {@code POSIX} and every other language give English. JSON output never depends on it.
 */
final class CliLocale {
    /** What {@code --lang} accepts. */
    static final List<String> ALLOWED = List.of("en", "zh_CN");
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private CliLocale() {
    }

    /** The locale {@code --lang} names; anything else is refused with what is allowed. */
    static Locale fromOption(String value) {
        String v = value == null ? "" : value.strip();
        if (v.equals("en")) {
            return Locale.ENGLISH;
        }
        if (v.equals("zh_CN") || v.equals("zh-CN")) {
            return CHINESE;
        }
        throw new CliInputException("--lang '" + dev.nettune.host.Printable.clip(v) + "' is not a language NetTune speaks;"
                + " allowed: " + String.join(", ", ALLOWED));
    }

    /** The locale of a POSIX environment: LC_ALL over LC_MESSAGES over LANG; unset or empty variables are skipped. */
    static Locale fromEnvironment(Map<String, String> env) {
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return fromPosix(v);
            }
        }
        return Locale.ENGLISH;
    }

    /** {@code zh_CN.UTF-8}, {@code zh_CN}, {@code zh} give Chinese; {@code C}, {@code en_US.UTF-8} ... give English. */
    static Locale fromPosix(String value) {
        String language = value.strip().split("[_.@-]", 2)[0];
        return language.equalsIgnoreCase("zh") ? CHINESE : Locale.ENGLISH;
    }
}
