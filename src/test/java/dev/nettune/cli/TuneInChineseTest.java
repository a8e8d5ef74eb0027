package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.testing.EnglishLeft;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune apply} and {@code tune undo} with {@code --lang zh_CN} on the sandbox: every outcome line NetTune writes is Chinese. */
class TuneInChineseTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        CliText.use(Locale.ENGLISH);
    }

    /** What NetTune said: the plan preview's file bodies ("   | ...") are the files written to the host, English by design. */
    private static List<String> said(CliRun r) {
        return r.text().lines().filter(l -> !l.startsWith("   | ")).toList();
    }

    @Test
    void applyThenUndoSayTheirOutcomesInChinese() {
        try (dev.nettune.app.AppContext context = new dev.nettune.app.AppContext(dir.resolve("config"))) {
            CliRun apply = CliRun.in(context, "tune", "apply", "sandbox", "--profile", "ECS high throughput", "--lang", "zh_CN");
            CliRun undo = CliRun.in(context, "tune", "undo", "sandbox", "--lang", "zh_CN");

            assertThat(apply.exit()).as(apply.text()).isZero();
            assertThat(undo.exit()).as(undo.text()).isZero();
            assertThat(EnglishLeft.in(said(apply))).as(apply.text()).isEmpty();
            assertThat(EnglishLeft.in(said(undo))).as(undo.text()).isEmpty();
            assertThat(apply.out()).contains("已应用：已应用 5 步；每个值的回读都与计划一致。");
        }
    }

    @Test
    void aStepThatFailsIsRolledBackAndSaidInChinese() {
        try (dev.nettune.app.AppContext context = new dev.nettune.app.AppContext(dir.resolve("config"))) {
            context.sandboxInstance().faults().failNext(java.util.regex.Pattern.quote("sysctl -w net.ipv4.tcp_fin_timeout=15"), 1,
                    "sysctl: setting key failed\n");

            CliRun apply = CliRun.in(context, "tune", "apply", "sandbox", "--profile", "ECS high throughput", "--lang", "zh_CN");

            assertThat(apply.exit()).as(apply.text()).isEqualTo(1);
            assertThat(apply.out()).contains("回滚 [").contains("已回滚：net.ipv4.tcp_fin_timeout: ")
                    .contains("失败（退出码 1）：sysctl: setting key failed 已回滚：主机已恢复为更改前的值。");
            assertThat(EnglishLeft.in(said(apply))).as(apply.text()).isEmpty();
        }
    }

    @Test
    void theJournalListsARolledBackAndAnUndonePlanInChinese() {
        try (dev.nettune.app.AppContext context = new dev.nettune.app.AppContext(dir.resolve("config"))) {
            context.sandboxInstance().faults().failNext(java.util.regex.Pattern.quote("sysctl -w net.ipv4.tcp_fin_timeout=15"), 1,
                    "sysctl: setting key failed\n");
            CliRun.in(context, "tune", "apply", "sandbox", "--profile", "ECS high throughput");
            CliRun.in(context, "tune", "apply", "sandbox", "--profile", "ECS high throughput");
            CliRun.in(context, "tune", "undo", "sandbox");

            CliRun journal = CliRun.in(context, "journal", "--lang", "zh_CN");

            assertThat(journal.exit()).as(journal.text()).isZero();
            assertThat(journal.out()).contains("  已撤销").contains("  已回滚").contains(" 回滚 ").contains("回读：");
            assertThat(EnglishLeft.in(List.of(journal.text()))).as(journal.text()).isEmpty();
        }
    }

    @Test
    void theProfilesListAndAnExportWithoutAFileAreSaidInChinese() {
        try (dev.nettune.app.AppContext context = new dev.nettune.app.AppContext(dir.resolve("config"))) {
            CliRun list = CliRun.in(context, "tune", "profiles", "--lang", "zh_CN");
            CliRun export = CliRun.in(context, "tune", "profiles", "--export", "ECS high throughput", "--lang", "zh_CN");

            assertThat(list.exit()).as(list.text()).isZero();
            assertThat(list.out()).contains("ECS high throughput - 减少 TCP TIME-WAIT 堆积").contains(" 项）");
            assertThat(EnglishLeft.in(List.of(list.text()))).as(list.text()).isEmpty();
            assertThat(export.exit()).isEqualTo(2);
            assertThat(export.err()).contains("--export 需要 --to FILE");
            assertThat(EnglishLeft.in(List.of(export.text()))).as(export.text()).isEmpty();
        }
    }

    @Test
    void hostStateAndHostCheckOfTheSandboxAreSaidInChinese() {
        try (dev.nettune.app.AppContext context = new dev.nettune.app.AppContext(dir.resolve("config"))) {
            CliRun state = CliRun.in(context, "host", "state", "sandbox", "--lang", "zh_CN");
            CliRun check = CliRun.in(context, "host", "check", "sandbox", "--lang", "zh_CN");

            assertThat(state.exit()).as(state.text()).isZero();
            assertThat(check.exit()).as(check.text()).isZero();
            assertThat(EnglishLeft.in(List.of(state.text()))).as(state.text()).isEmpty();
            assertThat(EnglishLeft.in(List.of(check.text()))).as(check.text()).isEmpty();
        }
    }

    @Test
    void aProfileBeyondTheLimitsIsImportedWithChineseWarningsAndRefusedInChinese() throws Exception {
        java.nio.file.Path profile = java.nio.file.Files.writeString(dir.resolve("marked.json"), "{\"name\": \"marked\", \"unrestricted\": true,"
                + " \"entries\": [{\"type\": \"sysctl\", \"name\": \"kernel.sysrq\", \"value\": \"0\"}]}");
        try (dev.nettune.app.AppContext context = new dev.nettune.app.AppContext(dir.resolve("config"))) {
            CliRun imported = CliRun.in(context, "tune", "profiles", "--import", profile.toString(), "--lang", "zh_CN");
            CliRun refused = CliRun.in(context, "tune", "plan", "sandbox", "--profile", "marked", "--lang", "zh_CN");

            assertThat(imported.exit()).as(imported.text()).isZero();
            assertThat(imported.out()).contains("警告：sysctl 条目：sysctl“kernel.sysrq”不在 net.* 之内");
            assertThat(EnglishLeft.in(List.of(imported.text()))).as(imported.text()).isEmpty();
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains("kernel.sysrq");
            assertThat(EnglishLeft.in(List.of(refused.text()))).as(refused.text()).isEmpty();
        }
    }

    @Test
    void aSavedProfileThatCannotBeUsedIsListedWithWhyInChinese() throws Exception {
        try (dev.nettune.app.AppContext context = new dev.nettune.app.AppContext(dir.resolve("config"))) {
            java.nio.file.Path saved = context.profiles().directory();
            java.nio.file.Files.createDirectories(saved);
            java.nio.file.Files.writeString(saved.resolve("beyond.json"), "{\"name\": \"beyond\", \"entries\":"
                    + " [{\"type\": \"sysctl\", \"name\": \"kernel.sysrq\", \"value\": \"0\"}]}");

            CliRun list = CliRun.in(context, "tune", "profiles", "--lang", "zh_CN");

            assertThat(list.exit()).as(list.text()).isZero();
            assertThat(list.out()).as(list.text()).contains("不可用：").contains("调优方案“beyond”超出了调优方案允许的范围");
            assertThat(EnglishLeft.in(List.of(list.text()))).as(list.text()).isEmpty();
        }
    }
}
