package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.rss.RssKey;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code host add} and {@code host remove} with {@code --lang zh_CN}, on the real inventory: what they report and
 * refuse (a taken name, a missing address, an alias the ssh configuration lacks, a host that is not saved), and the
 * input files' refusals (a missing file, a folder) are Chinese; the English stays as it was.
 */
class HostCommandsInChineseTest {
    private static final String KEY = RssKey.MICROSOFT.toColonHex();

    @TempDir
    Path dir;
    final List<String> shown = new ArrayList<>();

    @AfterEach
    void backToEnglish() {
        CliText.use(Locale.ENGLISH);
    }

    private CliRun run(AppContext context, int exit, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--lang", "zh_CN"));
        CliRun r = CliRun.in(context, all.toArray(String[]::new));
        assertThat(r.exit()).as(r.text()).isEqualTo(exit);
        assertThat(r.text()).as(r.text()).matches("(?s).*\\p{IsHan}.*");
        shown.add(r.text());
        return r;
    }

    @Test
    void hostAddAndRemoveSayWhatTheyDidAndRefuseInChinese() throws Exception {
        Path sshConfig = Files.writeString(dir.resolve("ssh_config"), "Host lab\n  HostName 10.0.0.9\n  User ops\n");
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            run(context, 0, "host", "add", "web1", "--address", "10.0.0.1");
            run(context, 2, "host", "add", "web1", "--address", "10.0.0.2");
            run(context, 2, "host", "add", "web2");
            run(context, 2, "host", "add", "--from-ssh-config", "nosuch", "--ssh-config", sshConfig.toString());
            run(context, 2, "host", "add", "--from-ssh-config", "lab", "--address", "10.0.0.3", "--ssh-config", sshConfig.toString());
            run(context, 2, "host", "remove", "nosuch");
            CliRun removed = run(context, 0, "host", "remove", "web1");
            assertThat(removed.out()).contains("已删除 web1");

            CliText.use(Locale.ENGLISH);
            assertThat(CliRun.in(context, "host", "remove", "nosuch").err())
                    .contains("No saved host is named 'nosuch' (see nettune host list).");
            CliRun.in(context, "host", "add", "web1", "--address", "10.0.0.1");
            assertThat(CliRun.in(context, "host", "add", "web1", "--address", "10.0.0.2").err())
                    .contains("A host named 'web1' is saved already; remove it first (nettune host remove web1) or pick another name.");
        }
        assertThat(EnglishLeft.in(shown)).as("English left in " + shown).isEmpty();
    }

    @Test
    void inputFilesThatCannotBeReadAreRefusedInChinese() {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            run(context, 2, "rss", "balance", "--flows", dir.resolve("missing.csv").toString(), "-k", KEY, "--equal", "4");
            run(context, 2, "rss", "balance", "--flows", dir.toString(), "-k", KEY, "--equal", "4");

            CliText.use(Locale.ENGLISH);
            assertThat(CliRun.in(context, "rss", "balance", "--flows", dir.toString(), "-k", KEY, "--equal", "4").err())
                    .contains(" is a folder, not a file; give a file, or - for standard input.");
        }
        assertThat(EnglishLeft.in(shown)).as("English left in " + shown).isEmpty();
    }
}
