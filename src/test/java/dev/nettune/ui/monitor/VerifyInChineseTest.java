package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.app.HostOptions;
import dev.nettune.app.VerificationService;
import dev.nettune.monitor.Burst;
import dev.nettune.monitor.Hping3Sender;
import dev.nettune.monitor.Mapping;
import dev.nettune.monitor.RateSample;
import dev.nettune.monitor.Scenario;
import dev.nettune.monitor.ShareCheck;
import dev.nettune.monitor.TestTraffic;
import dev.nettune.monitor.TrafficSender;
import dev.nettune.monitor.Verdict;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.sandbox.SandboxFaults;
import dev.nettune.sandbox.SandboxSender;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.Plan;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Verify tab in Chinese on the sandbox: what it prints while a verification runs, the seed scenarios' verdicts
 * and fixes, the mapping a failed designed verification names, where the counts came from, a receiver without a
 * table, a sender without hping3, counters reset mid-test, and the re-push lines are Chinese (queues, counts and
 * commands kept as they are). The verifiers say phrases; the tab says them in the language in use.
 */
class VerifyInChineseTest {
    @TempDir
    Path dir;

    AppContext context;
    VerifyViewModel verify;
    VerificationService service;
    MonitorTarget target;
    /** The sender the tab uses for the seed scenarios and the designed runs; a test may replace it. */
    VerifyViewModel.SenderFactory senders;
    final List<String> shown = new ArrayList<>();

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        context = new AppContext(dir.resolve("config"));
        target = new MonitorTarget(List.of("sandbox", "local"));
        service = new VerificationService(context);
        senders = (sender, receiver, nic) -> new SandboxSender(context.sandboxTraffic(), nic);
        verify = new VerifyViewModel(context.hostResolver(), target, (sender, receiver, nic) -> senders.sender(sender, receiver, nic),
                TestTasks.sameThread());
        verify.onRepush(new VerifyViewModel.Repusher() {
            @Override
            public Plan plan(String host, String nic) throws Exception {
                return service.planRepush(service.receiver(host, HostOptions.defaults()), nic);
            }

            @Override
            public dev.nettune.tuning.ApplyResult apply(String host, Plan plan) throws Exception {
                return service.repush(service.receiver(host, HostOptions.defaults()), plan, ApplyListener.NONE);
            }
        });
        // Every line the tab shows under the verdict, progress lines included, as it is shown.
        verify.verdictDetailProperty().addListener((o, was, is) -> shown.add(is));
        verify.statusProperty().addListener((o, was, is) -> shown.add(is));
        verify.fixProperty().addListener((o, was, is) -> shown.add(is));
        verify.onDesigned((receiver, nic, sender, traffic, progress) -> service.designed(
                service.receiver(receiver, HostOptions.defaults()), nic, senders.sender(sender, receiver, nic), traffic, progress));
    }

    @AfterEach
    void close() {
        verify.close();
        context.close();
        Messages.use(Messages.ENGLISH);
    }

    private List<String> english() {
        return EnglishLeft.in(shown);
    }

    @Test
    void aDesignedVerificationPrintsItsProgressInChinese() {
        verify.verify();

        assertThat(verify.verdictProperty().get()).startsWith("PASS");
        assertThat(shown).as("progress lines and verdict").hasSizeGreaterThan(4)
                .anyMatch(l -> l.startsWith("检查 沙箱发送端（模拟向 eth1 发送 hping3）"))
                .anyMatch(l -> l.startsWith("读取 sandbox 上 eth1 当前的哈希密钥、间接表和环数（ethtool -x）"))
                .anyMatch(l -> l.startsWith("发往队列 0 的突发："));
        assertThat(verify.verdictDetailProperty().get()).contains("计数来源：eth1 上的 tracefs net:napi_gro_receive_entry");
        assertThat(english()).isEmpty();
    }

    @Test
    void aFailedDesignedVerificationNamesTheMappingInChinese() {
        context.sandboxInstance().faults().keyShiftedByOneByte(true);

        verify.verify();

        assertThat(verify.verdictProperty().get()).startsWith("FAIL");
        assertThat(verify.verdictDetailProperty().get()).as("the cause names the mapping the traffic follows")
                .contains("流量符合移动了一个字节的哈希密钥");
        assertThat(english()).isEmpty();
    }

    @Test
    void theRepushLinesAreChinese() {
        context.sandboxInstance().faults().rssInactiveUntilFirstSet(true);
        context.sandboxInstance().reboot();
        verify.verify();

        verify.previewRepush();
        assertThat(verify.statusProperty().get()).isEqualTo("请检查 sandbox 上 eth1 的重新推送并确认。");
        verify.confirmRepush();

        assertThat(verify.statusProperty().get()).startsWith("已重新推送 sandbox 上 eth1 的哈希密钥和间接表（已记入变更日志，计划 ");
        verify.dropRepush();
        assertThat(verify.statusProperty().get()).isEqualTo("已取消重新推送：未做任何变更。");
        assertThat(english()).isEmpty();
    }

    @Test
    void theFixedFlowScenarioGivesItsVerdictInChinese() {
        verify.designedProperty().set(false);
        verify.scenarioProperty().set(Scenario.FIXED_FLOW);
        verify.countProperty().set("3000");

        verify.verify();

        assertThat(verify.verdictProperty().get()).isEqualTo("PASS");
        assertThat(verify.verdictDetailProperty().get()).startsWith("与预测一致：高于后台流量的 ")
                .contains("即当前哈希密钥和间接表为 tcp 10.0.0.252:12345 -> 10.0.0.5:80 给出的队列。");
        assertThat(english()).isEmpty();
    }

    @Test
    void theSpreadScenarioGivesItsVerdictInChinese() {
        verify.designedProperty().set(false);
        verify.scenarioProperty().set(Scenario.SPREAD);

        verify.verify();

        assertThat(verify.verdictProperty().get()).isEqualTo("PASS");
        assertThat(verify.verdictDetailProperty().get()).startsWith("与间接表一致：每个队列与其预期份额的偏差都在 25.0 % 以内");
        assertThat(english()).isEmpty();
    }

    @Test
    void aFailedFixedFlowSaysItsFixInChinese() {
        var sandbox = context.sandboxInstance();
        sandbox.faults().rssInactiveUntilFirstSet(true);
        sandbox.reboot();
        int port = dev.nettune.testing.OffPredictionFlow.sourcePort(sandbox, "eth1");
        verify.designedProperty().set(false);
        verify.scenarioProperty().set(Scenario.FIXED_FLOW);
        verify.sourcePortProperty().set(Integer.toString(port));
        verify.countProperty().set("3000");

        verify.verify();

        assertThat(verify.verdictProperty().get()).isEqualTo("FAIL");
        assertThat(verify.verdictDetailProperty().get()).startsWith("不符合：计算器根据当前哈希密钥和间接表预测");
        assertThat(verify.fixProperty().get()).startsWith("网卡没有把这条流放到它自己的 ethtool -x 所示的队列。")
                .contains("\nethtool -X eth1 hkey ");
        verify.handFixToTuning();
        assertThat(verify.statusProperty().get()).startsWith("修复已交给“调优”界面");
        assertThat(english()).isEmpty();
    }

    @Test
    void theFormSaysInChineseWhatIsWrongAndWhereTheCommandRuns() {
        verify.designedProperty().set(false);
        assertThat(verify.commandsPreviewProperty().get()).endsWith("（在 sandbox 上）");

        verify.countProperty().set("12;reboot");

        assertThat(verify.commandsPreviewProperty().get()).contains("包数“12;reboot”不是整数。");
    }

    @Test
    void everyScenarioHasItsChineseName() {
        for (Scenario s : Scenario.values()) {
            assertThat(VerifyController.scenarioText(s)).matches("\\p{IsHan}+：.*");
        }
    }

    @Test
    void everyMappingAFailedVerificationCanNameIsChinese() {
        IndirectionTable equal4 = IndirectionTable.equal(128, 4, 0, OptionalInt.of(4));
        RssKey key = RssKey.random(RssKey.ENI_LENGTH);
        List<Mapping> alternatives = Mapping.alternatives(key, equal4, 4, Optional.of(RssKey.random(RssKey.ENI_LENGTH)),
                Optional.of(IndirectionTable.equal(128, 2, 0, OptionalInt.of(4))));
        assertThat(alternatives).hasSizeGreaterThan(8);
        List<String> names = new ArrayList<>(alternatives.stream().map(m -> Messages.say(m.said())).toList());
        names.add(Messages.say(Mapping.predicted(key, equal4).said()));

        assertThat(names).allMatch(n -> n.matches(".*\\p{IsHan}.*"), "every name has Chinese")
                .contains("当前的哈希密钥和间接表", "移动了一个字节的哈希密钥", "所有流都在队列 3", "前 64 个条目（64 条目的间接表）");
    }

    @Test
    void everySpreadVerdictIsChinese() {
        IndirectionTable equal4 = IndirectionTable.equal(128, 4, 0, OptionalInt.of(4));
        List<ShareCheck> checks = List.of(ShareCheck.of(new long[] {2500, 2500, 2500, 2500}, equal4),
                ShareCheck.of(new long[] {9000, 300, 300, 300}, equal4),
                ShareCheck.of(new long[] {500, 500, 200, 0}, IndirectionTable.equal(128, 2, 0, OptionalInt.of(4))),
                ShareCheck.of(new long[] {1, 1, 1, 1}, equal4),
                ShareCheck.of(new long[] {26000, 25000, 25000, 24000}, equal4),
                ShareCheck.of(new long[] {-1, 10, 10, 10}, equal4));
        List<String> said = checks.stream().map(c -> Messages.say(c.said())).toList();

        assertThat(checks).extracting(ShareCheck::verdict).containsExactly(Verdict.PASS, Verdict.FAIL, Verdict.FAIL,
                Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE);
        assertThat(said.get(0)).startsWith("与间接表一致：每个队列与其预期份额的偏差都在 25.0 % 以内");
        assertThat(said.get(1)).startsWith("不符合：队列 0 收到 ").contains("卡方");
        assertThat(said.get(2)).startsWith("队列 2 收到了 200 个包").endsWith("网卡没有使用这张间接表。");
        assertThat(said.get(3)).startsWith("4 个包太少，无法判断");
        assertThat(said.get(4)).startsWith("每个队列与其预期份额的偏差都在 25.0 % 以内").endsWith("请运行设计流验证。");
        assertThat(said.get(5)).isEqualTo("该网卡没有报告每个队列的包数，因此无法比较份额。");
        assertThat(EnglishLeft.in(said)).isEmpty();
    }

    @Test
    void theInterruptCountsSourceIsChinese() {
        assertThat(Messages.say(RateSample.phraseOf(dev.nettune.monitor.RateCalculator.INTERRUPTS_SOURCE)))
                .isEqualTo("/proc/interrupts（无每队列包计数器）");
        assertThat(Messages.say(RateSample.phraseOf("ethtool -S"))).isEqualTo("ethtool -S");
    }

    @Test
    void withoutTracefsTheCountersAreJudgedAndSaidInChinese() {
        context.sandboxInstance().faults().tracefs(SandboxFaults.Tracefs.MISSING);

        verify.verify();

        assertThat(verify.verdictProperty().get()).startsWith("PASS");
        assertThat(shown).anyMatch(l -> l.startsWith("无逐包归属（在 /sys/kernel/tracing 或 /sys/kernel/debug/tracing 下没有带"
                + " net:napi_gro_receive_entry 的 tracefs）：按计数器差值判断"));
        assertThat(verify.verdictDetailProperty().get()).contains("计数来源：ethtool -S（无逐包跟踪：");
        assertThat(english()).isEmpty();
    }

    @Test
    void aReceiverWithoutAnRssTableIsSaidInChinese() {
        target.nicProperty().set("eth0");
        verify.verify();

        assertThat(verify.verdictProperty().get()).startsWith("INCONCLUSIVE");
        assertThat(verify.verdictDetailProperty().get()).startsWith("sandbox 上的 eth0 没有显示 RSS 间接表（");

        verify.designedProperty().set(false);
        verify.scenarioProperty().set(Scenario.FIXED_FLOW);
        verify.verify();

        assertThat(verify.verdictProperty().get()).isEqualTo("INCONCLUSIVE");
        assertThat(verify.verdictDetailProperty().get()).startsWith("sandbox 上的 eth0 没有可供验证的 RSS 间接表：");
        assertThat(english()).isEmpty();
    }

    @Test
    void aSenderWithoutHping3SaysHowToInstallItInChinese() {
        senders = (sender, receiver, nic) -> new Hping3Sender(context.hostResolver().resolve(sender, HostOptions.defaults()));

        verify.verify();

        assertThat(verify.verdictProperty().get()).startsWith("NOT_RUN");
        assertThat(verify.verdictDetailProperty().get()).startsWith("sandbox 上没有安装 hping3。请用 `sudo ");
        assertThat(shown).anyMatch(l -> l.equals("检查 sandbox 上的 hping3"));

        verify.designedProperty().set(false);
        verify.verify();

        assertThat(verify.verdictProperty().get()).isEqualTo("INCONCLUSIVE");
        assertThat(verify.verdictDetailProperty().get()).startsWith("sandbox 上没有安装 hping3。");
        assertThat(english()).isEmpty();
    }

    @Test
    void countersResetDuringATestAreSaidInChinese() {
        senders = (sender, receiver, nic) -> new Rebooting(new SandboxSender(context.sandboxTraffic(), nic));

        verify.verify();

        assertThat(verify.verdictProperty().get()).startsWith("INCONCLUSIVE");
        assertThat(verify.verdictDetailProperty().get()).startsWith("队列 ").contains("的突发期间计数器被重置");

        verify.designedProperty().set(false);
        verify.scenarioProperty().set(Scenario.FIXED_FLOW);
        verify.countProperty().set("3000");
        verify.verify();

        assertThat(verify.verdictProperty().get()).isEqualTo("INCONCLUSIVE");
        assertThat(verify.verdictDetailProperty().get()).isEqualTo("测试期间计数器被重置（驱动重新加载或通道变更）；请再运行一次。");
        assertThat(shown).anyMatch(l -> l.startsWith("预测 tcp 10.0.0.252:12345 -> 10.0.0.5:80 落在队列 "))
                .anyMatch(l -> l.startsWith("测量后台流量 ")).anyMatch(l -> l.startsWith("发送：sudo hping3 "));
        assertThat(english()).isEmpty();
    }

    @Test
    void theHashesTheDriverReportedAreSaidInChinese() {
        context.sandboxInstance().faults().hashReported(true);
        verify.verify();

        assertThat(verify.verdictProperty().get()).startsWith("PASS");
        assertThat(verify.verdictDetailProperty().get()).contains("驱动报告的哈希值与 NetTune 用当前哈希密钥算出的 Toeplitz 哈希在全部 ");

        context.sandboxInstance().faults().keyShiftedByOneByte(true);
        verify.verify();

        assertThat(verify.verdictProperty().get()).startsWith("FAIL");
        assertThat(verify.verdictDetailProperty().get()).contains("条与 NetTune 用当前哈希密钥算出的 Toeplitz 哈希不同（tcp ")
                .contains("：报告为 0x").contains("每一个都是基于移动了一个字节的哈希密钥的 Toeplitz 哈希。");
        assertThat(english()).isEmpty();
        assertThat(shown.stream().filter(l -> l.contains("reported") || l.contains("Toeplitz over"))).isEmpty();
    }

    /** The sandbox's sender that reboots the receiver while it sends: its counters start again from zero. */
    private final class Rebooting implements TrafficSender {
        private final SandboxSender real;

        Rebooting(SandboxSender real) {
            this.real = real;
        }

        @Override
        public dev.nettune.Phrase describe() {
            return real.describe();
        }

        @Override
        public Readiness check() {
            return real.check();
        }

        @Override
        public List<dev.nettune.host.Command> commands(TestTraffic traffic) {
            return real.commands(traffic);
        }

        @Override
        public void send(TestTraffic traffic) throws InterruptedException {
            real.send(traffic);
            context.sandboxInstance().reboot();
        }

        @Override
        public List<dev.nettune.host.Command> commands(Burst burst) {
            return real.commands(burst);
        }

        @Override
        public void send(Burst burst) {
            real.send(burst);
            context.sandboxInstance().reboot();
        }
    }
}
