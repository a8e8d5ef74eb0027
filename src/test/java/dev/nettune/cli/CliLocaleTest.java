package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the CLI's language is read from a POSIX environment. */
class CliLocaleTest {
    @Test
    void theCAndPosixLocalesAreEnglish() {
        assertThat(CliLocale.fromPosix("C")).isEqualTo(Locale.ENGLISH);
        assertThat(CliLocale.fromPosix("POSIX")).isEqualTo(Locale.ENGLISH);
        assertThat(CliLocale.fromPosix("C.UTF-8")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void everyChineseLocaleIsSimplifiedChinese() {
        assertThat(CliLocale.fromPosix("zh_CN.UTF-8")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliLocale.fromPosix("zh_CN.GB18030@stroke")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliLocale.fromPosix("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aLanguageWithoutABundleIsEnglish() {
        assertThat(CliLocale.fromPosix("de_DE.UTF-8")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void nothingSetIsEnglish() {
        assertThat(CliLocale.fromEnvironment(Map.of())).isEqualTo(Locale.ENGLISH);
    }
}
