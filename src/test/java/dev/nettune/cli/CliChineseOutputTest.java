package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the most used commands print for a person (not their JSON) is Chinese under {@code --lang zh_CN}: one
 * case per command family, each run against the sandbox as a user types it.
 */
class CliChineseOutputTest {
    @TempDir
    Path dir;


    @AfterEach
    void backToEnglish() {
        // --lang sets the CLI's language for the whole JVM; the next test expects the default.
        CliText.use(Locale.ENGLISH);
    }

    private CliRun run(String... args) {
        return CliRun.inFreshContext(dir.resolve("config"), args);
    }

    @Test
    void aCommandWithoutLangAfterOneWithItSpeaksTheEnvironmentsLanguage() {
        run("rss", "table", "--equal", "4", "--lang", "zh_CN");
        CliRun r = run("rss", "table", "--equal", "4");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("每个队列的桶数").contains("ethtool -X eth0 equal 4");
    }

    @Test
    void rssTableCountsBucketsPerQueueInChinese() {
        CliRun r = run("rss", "table", "--equal", "4", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("每个队列的桶数：").contains("队列 0：32（25.00%）").contains("设置命令：ethtool -X eth0 equal 4");
    }

    @Test
    void monitorPrintsItsTableHeadersAndSummaryInChinese() {
        CliRun r = run("monitor", "sandbox", "--nic", "eth1", "--interval", "0.2", "--duration", "1", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("沙箱：正以约 3000 包/秒向 eth1 发送后台流量").contains("RX 包/秒").contains("中断/秒")
                .contains("份额").doesNotContain("rx pkt/s");
    }

    @Test
    void verifySaysItsVerdictLineInChinese() {
        CliRun r = run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("设计流验证：sandbox 上的 eth1").contains("在发送方运行的命令：")
                .contains("PASS（误通过概率 5.96e-08）").contains("用时 ");
    }

    @Test
    void tuneRefusesAnUndoWithNothingAppliedInChinese() {
        CliRun r = run("tune", "undo", "sandbox", "--lang", "zh_CN");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("sandbox 上没有可撤销的已应用规划。");
    }

    @Test
    void cloudDryRunSaysNothingWasSentInChinese() {
        CliRun r = run("cloud", "eni", "attach", "eni-bp17pdijfczax0001", "--instance", "i-bp67acfmxazb4p0001", "--device-index", "1",
                "--endpoint", "sandbox", "--dry-run", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("规划 ").contains("aliyun ecs AttachNetworkInterface").contains("试运行：未发送任何请求");
    }

    @Test
    void columnsStayAlignedWhenTheHeaderIsChinese() {
        // Two columns per CJK character, as a terminal draws them.
        assertThat(CliText.padLeft("队列", 5)).isEqualTo(" 队列");
        assertThat(CliText.padLeft("queue", 5)).isEqualTo("queue");
    }

    @Test
    void aDomainValidationErrorIsSaidInChinese() {
        CliRun r = run("rss", "table", "--weight", "0", "0", "--lang", "zh_CN");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("所有权重都为零：至少要有一个队列分到份额。").doesNotContain("All weights are zero");
    }

    @Test
    void tunePlanPrintsThePlanInChineseAroundTheCommandsAndFiles() {
        CliRun r = run("tune", "plan", "sandbox", "--profile", "ECS high throughput", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("规划 ").contains("（持久化 ").contains("   之前：").contains("   $ sudo sysctl -w ")
                .doesNotContain("before:").doesNotContain("(persists ");
    }

    @Test
    void tunePlanAsJsonStaysEnglishUnderChinese() {
        CliRun r = run("tune", "plan", "sandbox", "--profile", "ECS high throughput", "--json", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("(persists ").doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void aBadRowOfRssHashBatchIsSaidInChineseWithItsLine() throws Exception {
        Path csv = dir.resolve("flows.csv");
        java.nio.file.Files.writeString(csv, "10.0.0.1,10.0.0.2,1000,80\n10.0.0.1,10.0.0.2,70000,80\n");

        CliRun r = run("rss", "hash", "--batch", csv.toString(), "-k", dev.nettune.rss.RssKey.MICROSOFT.toColonHex(), "--equal", "4",
                "--lang", "zh_CN");

        assertThat(r.err()).contains(" 第 2 行：源端口 70000 超出范围：端口为 0-65535。").doesNotContain("line 2");
    }
}
