package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local database's refusals, on a real SQLite file, under {@code --lang zh_CN}: a recording that is not there, a
 * file that is not a database, a saved-hosts table NetTune cannot read. The database's own reason is quoted as it came.
 */
class StoreErrorsInChineseTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        CliText.use(Locale.ENGLISH);
    }

    private static void assertChinese(CliRun r) {
        assertThat(r.exit()).as(r.text()).isNotZero();
        assertThat(r.err()).as(r.text()).matches("(?s).*\\p{IsHan}.*");
        assertThat(EnglishLeft.in(List.of(r.text()))).as(r.text()).isEmpty();
    }

    @Test
    void aRecordingThatIsNotThereIsSaidInChineseAndInEnglishAsBefore() {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            CliRun zh = CliRun.in(context, "recording", "export", "999", "--lang", "zh_CN");
            assertChinese(zh);
            assertThat(zh.err()).contains("没有录制 999").contains("`nettune monitor recordings`");

            CliText.use(Locale.ENGLISH);
            CliRun en = CliRun.in(context, "recording", "export", "999");
            assertThat(en.err()).contains("There is no recording 999: `nettune monitor recordings` lists them.");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsSaidInChinese() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("nettune.db"), "x".repeat(4096));

        assertChinese(CliRun.inFreshContext(config, "host", "add", "web1", "--address", "10.0.0.1", "--lang", "zh_CN"));
    }

    @Test
    void savedHostsNetTuneCannotReadAreSaidInChinese() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + config.resolve("nettune.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE saved_host (something_else TEXT)");
        }

        assertChinese(CliRun.inFreshContext(config, "host", "add", "web1", "--address", "10.0.0.1", "--lang", "zh_CN"));
        assertChinese(CliRun.inFreshContext(config, "host", "remove", "web1", "--lang", "zh_CN"));
    }
}
