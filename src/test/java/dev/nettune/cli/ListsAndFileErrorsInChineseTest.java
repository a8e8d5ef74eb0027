package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
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
 * {@code host list} and {@code recording list} under {@code --lang zh_CN} head their columns in Chinese, each header
 * over its column by terminal width (a CJK character takes two); a file the JDK refuses ({@code recording export --csv}
 * into a missing folder, onto a folder) and a bad {@code --identity} or {@code --known-hosts} are said in Chinese
 * around the operating system's own reason. The English tables and messages are as they were.
 */
class ListsAndFileErrorsInChineseTest {
    @TempDir
    Path dir;
    final List<String> shown = new ArrayList<>();

    @AfterEach
    void backToEnglish() {
        CliText.use(Locale.ENGLISH);
    }

    private CliRun zh(AppContext context, int exit, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--lang", "zh_CN"));
        CliRun r = CliRun.in(context, all.toArray(String[]::new));
        CliText.use(Locale.ENGLISH);
        assertThat(r.exit()).as(r.text()).isEqualTo(exit);
        assertThat(r.text()).as(r.text()).matches("(?s).*\\p{IsHan}.*");
        shown.add(r.text());
        return r;
    }

    // The terminal column a text starts at (a CJK character takes two).
    private static int column(String line, String text) {
        String before = line.substring(0, line.indexOf(text));
        return before.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 2 : 1).sum();
    }

    @Test
    void theListsHeadTheirColumnsInChineseOverTheirColumns() throws Exception {
        Path sshConfig = Files.writeString(dir.resolve("ssh_config"), "Host lab\n  HostName 10.0.0.9\n");
        try (AppContext context = new AppContext(dir.resolve("config"), () -> sshConfig)) {
            CliRun.in(context, "host", "add", "web1", "--address", "10.0.0.1", "--user", "ops", "--jump", "bastion");
            try (var rec = context.recordings().start("sandbox", "eth1", 1000, "nettune monitor", 1_700_000_000_000L)) {
                assertThat(rec.id()).isPositive();
            }

            List<String> hosts = zh(context, 0, "host", "list").out().lines().toList();
            assertThat(hosts.get(0)).startsWith("名称").contains("类型").contains("地址").contains("跳板机");
            String web1 = hosts.stream().filter(l -> l.startsWith("web1")).findFirst().orElseThrow();
            assertThat(column(hosts.get(0), "地址")).isEqualTo(column(web1, "10.0.0.1"));
            assertThat(column(hosts.get(0), "跳板机")).isEqualTo(column(web1, "bastion"));
            assertThat(web1).contains("已保存");

            List<String> recordings = zh(context, 0, "recording", "list").out().lines().toList();
            assertThat(recordings.get(0)).contains("主机").contains("网卡").contains("开始时间").contains("备注");
            assertThat(column(recordings.get(0), "网卡")).isEqualTo(column(recordings.get(1), "eth1"));

            CliText.use(Locale.ENGLISH);
            assertThat(CliRun.in(context, "host", "list").out()).startsWith(String.format("%-20s %-10s %-24s %-12s %-5s %-24s %s%n",
                    "NAME", "KIND", "ADDRESS", "USER", "PORT", "JUMP", "KEY"));
            assertThat(CliRun.in(context, "recording", "list").out()).startsWith(String.format(Locale.ROOT,
                    "%5s  %-20s %-8s %-24s %8s %7s %7s  %s%n", "id", "host", "nic", "started", "interval", "queues", "samples", "note"));
        }
    }

    @Test
    void filesTheJdkRefusesAndBadKeyFilesAreSaidInChinese() throws Exception {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            long id;
            try (var rec = context.recordings().start("sandbox", "eth1", 1000, "nettune monitor", 1_700_000_000_000L)) {
                id = rec.id();
            }
            Path missing = dir.resolve("no-such-folder").resolve("r.csv");
            zh(context, 1, "recording", "export", Long.toString(id), "--csv", missing.toString());
            zh(context, 1, "recording", "export", Long.toString(id), "--csv", dir.toString());
            Path out = dir.resolve("r.csv");
            assertThat(zh(context, 0, "recording", "export", Long.toString(id), "--csv", out.toString()).out()).contains("已写入 " + out);

            zh(context, 2, "host", "check", "sandbox", "--identity", dir.resolve("nokey").toString());
            zh(context, 2, "host", "check", "sandbox", "--identity", dir.toString());
            zh(context, 2, "host", "check", "sandbox", "--known-hosts", dir.toString());
            assertThat(EnglishLeft.in(shown)).as("English left in " + shown).isEmpty();

            CliText.use(Locale.ENGLISH);
            assertThat(CliRun.in(context, "recording", "export", Long.toString(id), "--csv", missing.toString()).err())
                    .contains("No such file: " + missing + ".");
            assertThat(CliRun.in(context, "host", "check", "sandbox", "--identity", dir.resolve("nokey").toString()).err())
                    .contains("--identity " + dir.resolve("nokey") + ": no such file; give a private key file (OpenSSH or PEM).");
        }
    }
}
