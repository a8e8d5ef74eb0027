package dev.nettune.cli;

import java.util.Locale;

/** For tests outside this package that ran the CLI with {@code --lang}: the next test expects the CLI in English. */
public final class CliLocaleReset {
    private CliLocaleReset() {
    }

    public static void english() {
        CliText.use(Locale.ENGLISH);
    }
}
