package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.app.HostOptions;
import dev.nettune.app.VerificationService;
import dev.nettune.monitor.Scenario;
import dev.nettune.sandbox.SandboxSender;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.Plan;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Verify tab in Chinese on the sandbox: what it prints while a verification runs, the seed scenarios' verdicts
 * and fixes, the mapping a failed designed verification names, and the re-push lines are Chinese (queues,
 * counts and commands kept as they are).
 */
class VerifyInChineseTest {
    @TempDir
    Path dir;

    AppContext context;
    VerifyViewModel verify;
    final List<String> shown = new ArrayList<>();

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        context = new AppContext(dir.resolve("config"));
        MonitorTarget target = new MonitorTarget(List.of("sandbox", "local"));
        VerificationService service = new VerificationService(context);
        verify = new VerifyViewModel(context.hostResolver(), target,
                (sender, receiver, nic) -> new SandboxSender(context.sandboxTraffic(), nic), TestTasks.sameThread());
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
        designedOnTheSandbox(service);
    }

    private void designedOnTheSandbox(VerificationService service) {
        verify.onDesigned((receiver, nic, sender, traffic, progress) -> service.designed(
                service.receiver(receiver, HostOptions.defaults()), nic, new SandboxSender(context.sandboxTraffic(), nic), traffic,
                progress));
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
}
