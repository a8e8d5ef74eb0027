package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings remembered between launches, in the config directory of an isolated home. */
class SettingsStoreTest {
    @TempDir
    Path home;

    private Path config() {
        return home.resolve(".config").resolve("nettune");
    }

    @Test
    void aFirstLaunchHasTheDefaultsAndWritesNothing() {
        SettingsStore store = SettingsStore.open(config());

        assertThat(store.current()).isEqualTo(Settings.defaults());
        assertThat(Files.exists(store.file())).isFalse();
    }

    @Test
    void everySettingComesBackInTheNextLaunch() {
        try (SettingsStore store = SettingsStore.open(config())) {
            store.update(s -> s.withLanguage(Optional.of("zh-CN")).withDark(true)
                    .withWindow(new Settings.WindowBounds(40, 30, 1100, 700, false))
                    .withLastHost("web-1").withLastScreen("monitor")
                    .withCloud(new Settings.CloudChoice("profile:prod", Optional.of("cn-hongkong"), Optional.empty())));
        }

        Settings again = SettingsStore.open(config()).current();

        assertThat(again.language()).contains("zh-CN");
        assertThat(again.dark()).isTrue();
        assertThat(again.window()).contains(new Settings.WindowBounds(40, 30, 1100, 700, false));
        assertThat(again.lastHost()).contains("web-1");
        assertThat(again.lastScreen()).contains("monitor");
        assertThat(again.cloud()).contains(new Settings.CloudChoice("profile:prod", Optional.of("cn-hongkong"), Optional.empty()));
    }

    @Test
    void aChangeAfterCloseIsStillWritten() {
        // The window's bounds are saved as it hides, which can come after the application's stop closed the store.
        SettingsStore store = SettingsStore.open(config());
        store.close();

        store.update(s -> s.withLastHost("late"));

        assertThat(SettingsStore.open(config()).current().lastHost()).contains("late");
    }

    @Test
    void aWriteLeavesNoTemporaryFileBehind() throws Exception {
        try (SettingsStore store = SettingsStore.open(config())) {
            store.update(s -> s.withLastHost("a"));
            store.update(s -> s.withLastHost("b"));
        }

        try (var files = Files.list(config())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.properties");
        }
        assertThat(SettingsStore.open(config()).current().lastHost()).contains("b");
    }

    @Test
    void aHandEditedBadValueCostsOnlyThatValue() throws Exception {
        Files.createDirectories(config());
        Files.writeString(config().resolve("settings.properties"),
                "language=klingon\ntheme=dark\nwindow.x=10\nwindow.y=10\nwindow.width=-5\nwindow.height=600\nlast.host=web-1\n");

        Settings s = SettingsStore.open(config()).current();

        assertThat(s.language()).isEmpty();
        assertThat(s.window()).isEmpty();
        assertThat(s.dark()).isTrue();
        assertThat(s.lastHost()).contains("web-1");
    }

    @Test
    void theThemeOfTheFirstReleaseIsKept() throws Exception {
        Files.createDirectories(config());
        Files.writeString(config().resolve("ui.properties"), "theme=dark\n");

        assertThat(SettingsStore.open(config()).current().dark()).isTrue();
    }

    @Test
    void theFileHoldsOnlyTheKnownKeysAndNoSecret() throws Exception {
        try (SettingsStore store = SettingsStore.open(config())) {
            store.update(s -> s.withLastHost("admin@10.0.0.5").withLanguage(Optional.of("en")));
        }

        String text = Files.readString(config().resolve("settings.properties"));
        assertThat(text.lines().filter(l -> !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('='))))
                .containsExactlyInAnyOrder("language", "theme", "last.host");
    }

    @Test
    void anUnknownLanguageOrAMultiLineHostIsRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> Settings.defaults().withLanguage(Optional.of("fr")))
                .hasMessageContaining("'fr'").hasMessageContaining("zh-CN");
        assertThatThrownBy(() -> Settings.defaults().withLastHost("a\nb")).hasMessageContaining("one line");
        assertThatThrownBy(() -> new Settings.CloudChoice("profile:prod", Optional.of("cn hangzhou; rm"), Optional.empty()))
                .hasMessageContaining("not a region id");
    }

    @Test
    void theSystemLocaleDecidesUntilALanguageIsChosen() {
        assertThat(Settings.defaults().locale(Locale.SIMPLIFIED_CHINESE)).isEqualTo(Locale.forLanguageTag("zh-CN"));
        assertThat(Settings.defaults().locale(Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
        assertThat(Settings.defaults().withLanguage(Optional.of("en")).locale(Locale.SIMPLIFIED_CHINESE)).isEqualTo(Locale.ENGLISH);
    }
}
