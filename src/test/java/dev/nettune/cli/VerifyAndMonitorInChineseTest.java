package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.app.AppContext;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nettune verify} and {@code nettune monitor} with {@code --lang zh_CN} on the sandbox, as a user types them: the
 * progress lines, verdicts, fixes, where the counts came from, the seed scenarios' lines and the monitor's status lines
 * are the same Chinese the GUI shows; {@code --json} stays English.
 */
class VerifyAndMonitorInChineseTest {
    @TempDir
    Path dir;

    AppContext context;

    @BeforeEach
    void open() {
        context = new AppContext(dir.resolve("config"));
    }

    @AfterEach
    void close() {
        context.close();
        // --lang sets the CLI's language for the whole JVM; the next test expects the default.
        CliText.use(Locale.ENGLISH);
    }

    private CliRun run(String... args) {
        return CliRun.in(context, args);
    }

    private static List<String> english(CliRun r) {
        return EnglishLeft.in(List.of(r.out(), r.err()));
    }

    @Test
    void aDesignedVerificationSaysItsProgressVerdictAndCountsInChinese() {
        CliRun r = run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.text()).isZero();
        assertThat(r.out()).contains("设计流验证：sandbox 上的 eth1，由 沙箱发送端（模拟向 eth1 发送 hping3） 发送")
                .contains("- 检查 沙箱发送端（模拟向 eth1 发送 hping3）")
                .contains("- 读取 sandbox 上 eth1 当前的哈希密钥、间接表和环数（ethtool -x）")
                .contains("- 发往队列 0 的突发：")
                .contains("计数来源：eth1 上的 tracefs net:napi_gro_receive_entry")
                .contains("PASS（误通过概率 5.96e-08）：与预测一致：全部 4 个突发");
        assertThat(english(r)).isEmpty();
    }

    @Test
    void aFailedDesignedVerificationNamesItsCauseInChinese() {
        context.sandboxInstance().faults().keyShiftedByOneByte(true);

        CliRun r = run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.text()).isEqualTo(VerifyCommand.EXIT_FAIL);
        assertThat(r.out()).contains("流量符合移动了一个字节的哈希密钥");
        assertThat(english(r)).isEmpty();
    }

    @Test
    void withoutATraceTheCountersSourceAndWhyAreChinese() {
        context.sandboxInstance().faults().tracefs(dev.nettune.sandbox.SandboxFaults.Tracefs.MISSING);

        CliRun r = run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--lang", "zh_CN");

        assertThat(r.out()).contains("- 无逐包归属（在 /sys/kernel/tracing 或 /sys/kernel/debug/tracing 下没有带")
                .contains("计数来源：ethtool -S（无逐包跟踪：");
        assertThat(english(r)).isEmpty();
    }

    @Test
    void theSpreadScenarioSaysWhatItShowsAndItsShareTestInChinese() {
        CliRun r = run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--scenario", "1", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.text()).isZero();
        assertThat(r.out()).contains("场景 1：分布：大量流应按间接表的比例分布到各队列").contains("它不检查哈希密钥")
                .contains("在 沙箱发送端（模拟向 eth1 发送 hping3） 上运行：").contains("- 测量后台流量 ").contains("卡方 ")
                .contains("PASS: 与间接表一致：");
        assertThat(english(r)).isEmpty();
    }

    @Test
    void theFixedFlowScenarioSaysItsVerdictAndItsChanceInChinese() {
        CliRun r = run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--scenario", "2", "--count", "3000",
                "--lang", "zh_CN");

        assertThat(r.exit()).as(r.text()).isZero();
        assertThat(r.out()).contains("- 预测 tcp 10.0.0.252:12345 -> 10.0.0.5:80 落在队列 ").contains("PASS: 与预测一致：")
                .contains("注意：在任何其他映射下，一条流碰巧落在预测队列的概率为 ");
        assertThat(english(r)).isEmpty();
    }

    @Test
    void aReceiverWithoutAnRssTableIsSaidInChinese() {
        CliRun designed = run("verify", "sandbox", "--nic", "eth0", "--sender", "sandbox", "--lang", "zh_CN");
        CliRun scenario = run("verify", "sandbox", "--nic", "eth0", "--sender", "sandbox", "--scenario", "2", "--lang", "zh_CN");

        assertThat(designed.exit()).as(designed.text()).isEqualTo(VerifyCommand.EXIT_INCONCLUSIVE);
        assertThat(designed.out()).contains("sandbox 上的 eth0 没有显示 RSS 间接表（");
        assertThat(scenario.exit()).as(scenario.text()).isEqualTo(VerifyCommand.EXIT_INCONCLUSIVE);
        assertThat(scenario.out()).contains("INCONCLUSIVE: sandbox 上的 eth0 没有可供验证的 RSS 间接表：");
        assertThat(english(designed)).isEmpty();
        assertThat(english(scenario)).isEmpty();
    }

    @Test
    void jsonStaysEnglishUnderLangZhCn() throws Exception {
        CliRun r = run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--json", "--lang", "zh_CN");

        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("explanation").asText()).startsWith("As predicted: all 4 bursts");
        assertThat(j.get("counterSource").asText()).startsWith("tracefs net:napi_gro_receive_entry on eth1");
    }

    @Test
    void theMonitorsStatusLinesAndACounterResetAreChinese() throws Exception {
        Thread reboot = new Thread(() -> {
            try {
                Thread.sleep(1500);
                context.sandboxInstance().reboot();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reboot.start();

        CliRun r = run("monitor", "sandbox", "--nic", "eth1", "--interval", "0.2", "--duration", "3", "--lang", "zh_CN");
        reboot.join();

        assertThat(r.exit()).as(r.text()).isZero();
        assertThat(r.err()).contains("# 正在启动 sandbox 上 eth1 的采样器").contains("# 计数器已重置：");
        assertThat(english(r)).isEmpty();
    }

    @Test
    void aNicNameTheMonitorRefusesIsSaidInChinese() {
        CliRun r = run("monitor", "sandbox", "--nic", "eth1;reboot", "--lang", "zh_CN");

        assertThat(r.exit()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("'eth1;reboot' 不是网卡名称：请用 1-15 个字母");
        assertThat(english(r)).isEmpty();
    }

    @Test
    void theSandboxSenderForAnotherReceiverIsRefusedInChinese() {
        CliRun r = run("verify", "local", "--nic", "eth0", "--sender", "sandbox", "--lang", "zh_CN");

        assertThat(r.exit()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("沙箱发送端只能到达沙箱实例：请为 local 选择一台装有 hping3 的真实发送主机。");
        assertThat(english(r)).isEmpty();
    }

    @Test
    void twoRecordingsAreComparedInChinese() {
        for (int i = 0; i < 2; i++) {
            CliRun m = run("monitor", "sandbox", "--nic", "eth1", "--interval", "0.2", "--duration", "1", "--record", "--lang", "zh_CN");
            assertThat(m.exit()).as(m.text()).isZero();
            assertThat(english(m)).isEmpty();
        }

        CliRun r = run("recording", "compare", "1", "2", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.text()).isZero();
        assertThat(r.out()).contains("队列").contains("之前 包/秒").contains("最忙队列/平均：之前 ");
        assertThat(english(r)).isEmpty();
    }

    @Test
    void theFleetMonitorsVerdictPerInstanceIsChinese() {
        CliRun r = run("fleet", "monitor", "--hosts", "sandbox", "--nic", "eth1", "--duration", "3", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.text()).isZero();
        assertThat(r.out()).containsPattern("(?m)^sandbox\\s+[A-Z]+\\s.*(最忙队列为平均值的|流量太少，无法判断|正在等待第一个采样|每秒丢弃|承载平均值的)");
    }
}
