package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tune} with {@code --lang zh_CN} refusing what it is given: a profile that is not there, a profile file NetTune
 * cannot use (each kind of bad entry), a built-in's name taken, an export format or a confirm timeout out of range.
 * Every refusal is said in Chinese.
 */
class TuneRefusalsInChineseTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        CliText.use(Locale.ENGLISH);
    }

    private static void refusedInChinese(CliRun r, String... shows) {
        assertThat(r.exit()).as(r.text()).isEqualTo(2);
        assertThat(r.err()).as(r.text()).matches("(?s).*\\p{IsHan}.*");
        for (String shown : shows) {
            assertThat(r.err()).as(r.text()).contains(shown);
        }
        assertThat(EnglishLeft.in(List.of(r.text()))).as(r.text()).isEmpty();
    }

    private CliRun importProfile(AppContext context, String file, String entries) throws Exception {
        Path profile = Files.writeString(dir.resolve(file), "{\"name\": \"" + file + "\", \"entries\": [" + entries + "]}");
        return CliRun.in(context, "tune", "profiles", "--import", profile.toString(), "--lang", "zh_CN");
    }

    @Test
    void aProfileThatIsNotThereIsRefusedInChinese() {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            refusedInChinese(CliRun.in(context, "tune", "plan", "sandbox", "--profile", "nosuch", "--lang", "zh_CN"), "nosuch",
                    "ECS high throughput");
        }
    }

    @Test
    void everyKindOfBadEntryInAnImportedProfileIsRefusedInChinese() throws Exception {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            refusedInChinese(importProfile(context, "path.json", "{\"type\": \"file\", \"path\": \"etc/x.conf\", \"content\": \"a\"}"),
                    "etc/x.conf");
            refusedInChinese(importProfile(context, "absent.json",
                    "{\"type\": \"file\", \"path\": \"/etc/sysctl.d/x.conf\", \"content\": \"(no file)\"}"), "(no file)");
            refusedInChinese(importProfile(context, "noprogram.json",
                    "{\"type\": \"file\", \"path\": \"/etc/sysctl.d/x.conf\", \"content\": \"a\", \"afterWrite\": [[]]}"));
            refusedInChinese(importProfile(context, "unit.json", "{\"type\": \"service\", \"unit\": \"bad unit\", \"active\": false}"),
                    "bad unit");
            refusedInChinese(importProfile(context, "empty.json", "{\"type\": \"sysctl-file\", \"settings\": {}}"));
            refusedInChinese(importProfile(context, "ban.json", "{\"type\": \"irqbalance-ban\", \"irqs\": []}"), "0-65535");
        }
    }

    @Test
    void aFileModeThatIsNotOctalIsRefusedInChineseWhenPlanned() throws Exception {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            Path profile = Files.writeString(dir.resolve("mode.json"), "{\"name\": \"mode\", \"entries\": [{\"type\": \"file\","
                    + " \"path\": \"/etc/sysctl.d/x.conf\", \"content\": \"net.core.somaxconn = 1024\\n\", \"mode\": \"999\"}]}");

            CliRun plan = CliRun.in(context, "tune", "plan", "sandbox", "--profile", profile.toString(), "--lang", "zh_CN");

            assertThat(plan.err()).as(plan.text()).contains("999").matches("(?s).*\\p{IsHan}.*");
            assertThat(EnglishLeft.in(List.of(plan.text()))).as(plan.text()).isEmpty();
        }
    }

    @Test
    void aProfileFileThatIsNotAProfileIsRefusedInChinese() throws Exception {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            Path noName = Files.writeString(dir.resolve("noname.json"), "{\"entries\": []}");
            Path binary = Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28});
            Path builtIn = Files.writeString(dir.resolve("builtin.json"), "{\"name\": \"ECS high throughput\", \"entries\":"
                    + " [{\"type\": \"sysctl\", \"name\": \"net.ipv4.tcp_fin_timeout\", \"value\": \"15\"}]}");

            refusedInChinese(CliRun.in(context, "tune", "profiles", "--import", noName.toString(), "--lang", "zh_CN"), "name");
            refusedInChinese(CliRun.in(context, "tune", "profiles", "--import", binary.toString(), "--lang", "zh_CN"), "binary.json");
            refusedInChinese(CliRun.in(context, "tune", "profiles", "--import", builtIn.toString(), "--lang", "zh_CN"),
                    "ECS high throughput");
        }
    }

    @Test
    void anExportFormatAndAConfirmTimeoutOutOfRangeAreRefusedInChinese() {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            refusedInChinese(CliRun.in(context, "tune", "profiles", "--export", "ECS high throughput", "--format", "yaml",
                    "--to", dir.resolve("x.yaml").toString(), "--lang", "zh_CN"), "yaml", "cloud-init");
            refusedInChinese(CliRun.in(context, "tune", "apply", "sandbox", "--profile", "ECS high throughput", "--confirm-timeout", "5",
                    "--lang", "zh_CN"), "10-3600");
        }
    }

    @Test
    void aRePushOfATableThatCannotBeReadIsRefusedInChinese() {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            context.sandboxInstance().faults().failNext("ethtool -x eth1", 1, "Cannot get RX ring count: Operation not supported\n");

            CliRun r = CliRun.in(context, "rss", "apply", "sandbox", "--nic", "eth1", "--force", "--lang", "zh_CN");

            assertThat(r.exit()).as(r.text()).isNotZero();
            assertThat(r.err()).as(r.text()).contains("eth1").matches("(?s).*\\p{IsHan}.*");
            assertThat(EnglishLeft.in(List.of(r.text()))).as(r.text()).isEmpty();
        }
    }
}
