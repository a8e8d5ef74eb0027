package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.RssProposals;
import dev.nettune.monitor.Scenario;
import dev.nettune.sandbox.SandboxSender;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monitor's Verify and DPDK tabs on the sandbox, with work run on the test's thread (no waiting). */
class VerifyAndDpdkViewModelTest {
    @TempDir
    Path dir;

    AppContext context;
    MonitorTarget target;
    VerifyViewModel verify;
    DpdkViewModel dpdk;

    @BeforeEach
    void open() {
        context = new AppContext(dir.resolve("config"));
        target = new MonitorTarget(List.of("sandbox", "local"));
        verify = new VerifyViewModel(context.hostResolver(), target,
                (sender, receiver, nic) -> new SandboxSender(context.sandboxTraffic(), nic), TestTasks.sameThread());
        dpdk = new DpdkViewModel(context.hostResolver(), target, TestTasks.sameThread());
    }

    @AfterEach
    void close() {
        verify.close();
        context.close();
    }

    @Test
    void designedFlowsSayTheirCommandsComeFromTheLiveKeyAndTable() {
        assertThat(verify.designedProperty().get()).isTrue();
        assertThat(verify.commandsPreviewProperty().get()).startsWith("Designed flows: chosen from ")
                .contains("live key and table").doesNotContain("--rand-dest");
    }

    @Test
    void commandsAreShownBeforeTheyRunAndFollowTheScenario() {
        verify.designedProperty().set(false);   // the seed's scenarios run only with designed flows off
        assertThat(verify.commandsPreviewProperty().get())
                .startsWith("sudo hping3 10.0.0.5 -S -a 10.0.0.252 --rand-dest -p 0 --baseport 10000 -c 10000 -i u100 -I eth0");
        verify.scenarioProperty().set(Scenario.FIXED_FLOW);
        assertThat(verify.commandsPreviewProperty().get())
                .startsWith("sudo hping3 10.0.0.5 -S -p 80 -c 10000 -s 12345 -a 10.0.0.252 --keep -i u100");
        verify.countProperty().set("12;reboot");
        assertThat(verify.commandsPreviewProperty().get()).startsWith("Not ready:").contains("packet count");
    }

    @Test
    void verificationOnTheSandboxPairGivesAVerdict() {
        verify.scenarioProperty().set(Scenario.FIXED_FLOW);
        verify.countProperty().set("3000");
        verify.verify();
        assertThat(verify.verifyingProperty().get()).isFalse();
        assertThat(verify.verdictProperty().get()).as(verify.verdictDetailProperty().get()).isEqualTo("PASS");
        assertThat(verify.verdictDetailProperty().get()).contains("As predicted");
    }

    @Test
    void badTrafficIsExplainedNotRun() {
        verify.sourceProperty().set("10.0.0.999");
        verify.verify();
        assertThat(verify.verdictProperty().get()).isEqualTo("Not run");
        assertThat(verify.verifyingProperty().get()).isFalse();
    }

    @Test
    void dpdkConfigurationComesFromTheLiveKeyAndTable() {
        dpdk.generate();
        String key = context.sandboxInstance().rssKey("eth1").toHex();
        assertThat(dpdk.textProperty().get()).contains("rte_eth_dev_rss_reta_update")
                .contains("port config 0 rss-hash-key ipv4-tcp " + key)
                .contains("--config=\"(0,0,1),(0,1,2),(0,2,3),(0,3,4)\"");
    }

    @Test
    void badDpdkInputIsExplainedNotRun() {
        dpdk.lcoresProperty().set("1-4;reboot");
        dpdk.generate();
        assertThat(dpdk.textProperty().get()).contains("lcore list");
    }

    @Test
    void failedScenarioTwoHandsItsFixToTuning() {
        var sandbox = context.sandboxInstance();
        sandbox.faults().rssInactiveUntilFirstSet(true);
        sandbox.reboot();
        int port = dev.nettune.testing.OffPredictionFlow.sourcePort(sandbox, "eth1");
        List<RssProposals.Proposal> handed = new ArrayList<>();
        verify.onProposal(handed::add);
        verify.scenarioProperty().set(Scenario.FIXED_FLOW);
        verify.sourcePortProperty().set(Integer.toString(port));
        verify.countProperty().set("3000");
        verify.verify();
        assertThat(verify.verdictProperty().get()).as(verify.verdictDetailProperty().get()).isEqualTo("FAIL");
        assertThat(verify.canHandFixProperty().get()).isTrue();
        verify.handFixToTuning();
        assertThat(handed).hasSize(1);
        assertThat(handed.get(0).nic()).isEqualTo("eth1");
        assertThat(handed.get(0).key()).contains(sandbox.rssKey("eth1").toColonHex());
        assertThat(handed.get(0).table()).contains("equal " + sandbox.queueCount("eth1"));
    }
}
