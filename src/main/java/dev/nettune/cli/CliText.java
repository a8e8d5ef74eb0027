package dev.nettune.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The CLI's human text in the language {@link CliLocale} chose, from {@code dev/nettune/cli/messages*.properties}
 * (English, Simplified Chinese with the GUI's glossary terms). English until told otherwise, whatever the JVM's
 * default locale: in-process callers and tests get the text they wrote against.
 */
final class CliText {
    private static final String BUNDLE = "dev.nettune.cli.messages";
    private static final ResourceBundle.Control CONTROL = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
    private static volatile ResourceBundle bundle = load(Locale.ENGLISH);

    private CliText() {
    }

    /** Speaks this locale from now on. */
    static void use(Locale locale) {
        bundle = load(locale);
    }

    /**
     * The bundle itself, for picocli's usage help: the Chinese one carries each command's and option's
     * description under its qualified name ({@code nettune.rss.hash.equal}); the English one has none of those
     * keys, so picocli shows the annotations' English.
     */
    static ResourceBundle bundle() {
        return bundle;
    }

    static Locale locale() {
        Locale l = bundle.getLocale();
        return l == null || l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
    }

    static String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    static String format(String key, Object... args) {
        return new MessageFormat(get(key), locale()).format(args);
    }

    /** What an error says in the CLI's language: a domain error's phrase ({@link dev.nettune.Phrased}) translated, else its own message. */
    static String problem(Throwable e) {
        return e instanceof dev.nettune.Phrased ? dev.nettune.Phrase.describe(e, locale()) : e.getMessage();
    }

    /**
     * {@code text} right-aligned in {@code columns} terminal columns: a CJK character takes two, so a Chinese
     * column header padded by character count would push the table's columns apart.
     */
    static String padLeft(String text, int columns) {
        int width = width(text);
        return width >= columns ? text : " ".repeat(columns - width) + text;
    }

    /** {@code text} left-aligned in {@code columns} terminal columns ({@code %-Ns} by display width, see {@link #padLeft}). */
    static String padRight(String text, int columns) {
        int width = width(text);
        return width >= columns ? text : text + " ".repeat(columns - width);
    }

    private static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN
                    || (text.charAt(i) >= '\uFF00' && text.charAt(i) <= '\uFFEF') ? 2 : 1;
        }
        return width;
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, "zh".equals(locale.getLanguage()) ? CliLocale.CHINESE : Locale.ROOT, CONTROL);
    }
}
