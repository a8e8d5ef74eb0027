package dev.nettune.ui.common;

import dev.nettune.Phrase;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Every user-visible string of the GUI, from {@code dev/nettune/ui/messages*.properties}: English, and
 * Simplified Chinese ({@code messages_zh_CN}, terms as in {@code glossary_zh_CN.md} beside it). FXML files
 * name keys as {@code %key} ({@link View} hands them this bundle); code asks {@link #get} or {@link #format}.
 * The language is chosen once at start (settings, else the system) and again when the user switches it.
 */
public final class Messages {
    /** The bundle's base name on the class path. */
    public static final String BUNDLE = "dev.nettune.ui.messages";
    /** English and Simplified Chinese: the locales NetTune has bundles for. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    // No fallback to the JVM's default locale: English asked on a Chinese system must give English.
    private static final ResourceBundle.Control CONTROL = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
    private static volatile ResourceBundle bundle = load(ENGLISH);

    private Messages() {
    }

    /** Uses this locale's bundle from now on (screens built afterwards speak it). */
    public static void use(Locale locale) {
        bundle = load(Objects.requireNonNull(locale, "locale"));
    }

    /** The bundle in use: for FXML loaders. */
    public static ResourceBundle bundle() {
        return bundle;
    }

    /** The locale in use (the bundle's own: {@code zh_CN} or the root, English). */
    public static Locale locale() {
        Locale l = bundle.getLocale();
        return l == null || l.getLanguage().isEmpty() ? ENGLISH : l;
    }

    /** The text for a key; a missing key shows as {@code !key!} so that it is seen, never as a blank. */
    public static String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The text for a key with {@code {0}}, {@code {1}} ... filled in, numbers formatted for the locale. */
    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), locale()).format(args);
    }

    /**
     * What an error says in the language in use: a domain input error ({@link dev.nettune.InputException}) from the
     * phrases bundle, anything else its own message (or its type when it has none).
     */
    public static String problem(Throwable e) {
        // A changed or revoked host key is the one refusal whose English the host package cannot say in Chinese; its
        // fingerprints are enough to say it here (the screen names the host).
        if (e instanceof dev.nettune.host.HostKeyRejectedException k && "zh".equals(locale().getLanguage())) {
            if (k.reason() == dev.nettune.host.HostKeyRejectedException.Reason.CHANGED && k.knownFingerprint().isPresent()) {
                return format("hostkey.changed", k.knownFingerprint().get(), k.presentedFingerprint());
            }
            if (k.reason() == dev.nettune.host.HostKeyRejectedException.Reason.REVOKED) {
                return format("hostkey.revoked", k.presentedFingerprint());
            }
        }
        return Phrase.describe(e, locale());
    }

    /** A domain phrase (a verdict's cause, a plan step) in the language in use. */
    public static String say(Phrase phrase) {
        return phrase.in(locale());
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale.getLanguage().equals("zh") ? CHINESE : Locale.ROOT, CONTROL);
    }
}
