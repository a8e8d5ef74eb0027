package dev.nettune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A sentence the domain says to the user (a validation error, a verdict's cause), kept as a stable key and its
 * arguments so that the screens and the CLI can say it in the user's language from {@code dev/nettune/phrases_zh_CN.properties};
 * the English written where it is raised is the default. It lives in the root package so that the JDK-only domain
 * packages (rss, linux) can raise it without knowing any front end's bundle.
 *
 * <p>Placeholders are {@code {0}}, {@code {1}} ... replaced by the arguments' text as is (a phrase argument in the same language): no {@link java.text.MessageFormat}
 * quoting (apostrophes are common in English errors) and no digit grouping (a port 65535 is not "65,535").
 */
public record Phrase(String key, String english, List<Object> args) {
    /** Where the translations are, beside this class: only Chinese, English is {@link #english()}. */
    public static final String BUNDLE = "dev.nettune.phrases";
    private static final ResourceBundle.Control CONTROL = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    public Phrase {
        Objects.requireNonNull(english, "english");
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** A phrase with a key the bundles translate; {@code english} is its text with {@code {n}} placeholders. */
    public static Phrase of(String key, String english, Object... args) {
        Objects.requireNonNull(key, "key");
        return new Phrase(key, english, Arrays.stream(args).map(Phrase::argument).toList());
    }

    // A phrase (or an input error's phrase) inside another is said in the same language; anything else as its text.
    private static Object argument(Object a) {
        if (a instanceof Phrase || a instanceof String) {
            return a;
        }
        if (a instanceof Phrased pt) {
            return pt.phrase();
        }
        return String.valueOf(a);
    }

    /** A sentence with no translation (text from elsewhere, e.g. a host's own error): said as is in every language. */
    public static Phrase literal(String text) {
        return new Phrase(null, String.valueOf(text), List.of());
    }

    /** The sentence in this locale: Chinese from the bundle when it has the key, else English. */
    public String in(Locale locale) {
        String pattern = english;
        if (key != null && "zh".equals(locale.getLanguage())) {
            try {
                pattern = ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE, CONTROL).getString(key);
            } catch (MissingResourceException e) {
                // A key not yet translated reads in English rather than as a blank.
            }
        }
        return fill(pattern, args.stream().map(a -> a instanceof Phrase p ? p.in(locale) : String.valueOf(a)).toList());
    }

    /** The English sentence. */
    @Override
    public String toString() {
        return fill(english, args.stream().map(String::valueOf).toList());
    }

    /** {@code pattern} with {@code {0}}, {@code {1}} ... replaced by the arguments (other braces kept). */
    public static String fill(String pattern, List<String> args) {
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                if (n < args.size()) {
                    sb.append(args.get(n));
                    i = close + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /** The phrases one after another with {@code separator} between them, each said in the same language. */
    public static Phrase joined(String separator, List<Phrase> parts) {
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            pattern.append(i == 0 ? "" : separator.replace("{", "(").replace("}", ")")).append('{').append(i).append('}');
        }
        return new Phrase(null, pattern.toString(), List.copyOf(parts));
    }

    /** What a throwable says, as a phrase: its own phrase when it carries one ({@link Phrased}), else its message untranslated. */
    public static Phrase from(Throwable t) {
        if (t instanceof Phrased p) {
            return p.phrase();
        }
        return literal(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    /** What a throwable says in this locale: its phrase if it carries one, else its message (or its type when it has none). */
    public static String describe(Throwable t, Locale locale) {
        return from(t).in(locale);
    }
}
