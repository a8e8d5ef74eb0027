package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.ui.common.TaskRunner;
import dev.nettune.monitor.QueueSamplerTest;
import dev.nettune.monitor.Scenario;
import dev.nettune.sandbox.SandboxSender;
import dev.nettune.store.RecordingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monitor screen's logic without the FX toolkit: properties change on a direct executor. */
class MonitorViewModelTest {
    @TempDir
    Path dir;

    AppContext context;
    ExecutorService background;
    ScheduledExecutorService scheduler;
    MonitorViewModel model;
    FramesDrawn redraws;

    @BeforeEach
    void open() {
        context = new AppContext(dir.resolve("config"));
        background = Executors.newCachedThreadPool();
        scheduler = Executors.newScheduledThreadPool(2);
        model = new MonitorViewModel(context.hostResolver(), List.of("sandbox", "local"),
                () -> Optional.of(new RecordingStore(context.database())),
                (sender, receiver, nic) -> new SandboxSender(context.sandboxTraffic(), nic),
                new TaskRunner(background, scheduler, Runnable::run, System::currentTimeMillis), (host, nic) -> () -> context.sandboxTraffic().startBackground(nic, 3000));
        redraws = FramesDrawn.of(model);
    }

    @AfterEach
    void close() {
        model.close();
        background.shutdownNow();
        scheduler.shutdownNow();
        context.close();
    }

    @Test
    void startingOnTheSandboxRedrawsWithItsFourQueues() throws Exception {
        model.intervalProperty().set("0.2");
        model.start();
        QueueSamplerTest.waitFor(() -> redraws.get() >= 2);
        assertThat(model.queueCountProperty().get()).isEqualTo(4);
        assertThat(model.tableProperty().get()).isPresent();
        assertThat(model.imbalanceProperty().get()).contains("pkt/s in total");
    }

    @Test
    void pausedViewIsNotRedrawn() throws Exception {
        model.intervalProperty().set("0.2");
        model.start();
        QueueSamplerTest.waitFor(() -> redraws.get() >= 1);
        model.pausedProperty().set(true);
        Thread.sleep(300);
        int frozen = redraws.get();
        Thread.sleep(1000);
        assertThat(redraws.get()).isEqualTo(frozen);
        model.pausedProperty().set(false);
        QueueSamplerTest.waitFor(() -> redraws.get() > frozen);
    }

    @Test
    void redrawsAreCoalescedToAFewPerSecond() throws Exception {
        model.intervalProperty().set("0.2");
        model.start();
        QueueSamplerTest.waitFor(() -> redraws.get() >= 1);
        int before = redraws.get();
        Thread.sleep(2000);
        assertThat(redraws.get() - before).isLessThanOrEqualTo(2 * MonitorViewModel.REDRAWS_PER_SECOND + 1);
    }

    @Test
    void recordingKeepsSamplesAndCsvExportWritesTheWindow() throws Exception {
        model.intervalProperty().set("0.2");
        model.start();
        QueueSamplerTest.waitFor(() -> redraws.get() >= 1);
        model.setRecording(true);
        Thread.sleep(1200);
        model.setRecording(false);
        RecordingStore store = new RecordingStore(context.database());
        assertThat(store.list()).hasSize(1);
        assertThat(store.list().get(0).samples()).isGreaterThan(2);
        Path csv = dir.resolve("w.csv");
        model.exportCsv(csv);
        assertThat(Files.readAllLines(csv).size()).isGreaterThan(4);
    }

    @Test
    void commandsAreShownBeforeTheyRunAndFollowTheScenario() {
        assertThat(model.commandsPreviewProperty().get())
                .startsWith("sudo hping3 10.0.0.5 -S -a 10.0.0.252 --rand-dest -p 0 --baseport 10000 -c 10000 -i u100 -I eth0");
        model.scenarioProperty().set(Scenario.FIXED_FLOW);
        assertThat(model.commandsPreviewProperty().get())
                .startsWith("sudo hping3 10.0.0.5 -S -p 80 -c 10000 -s 12345 -a 10.0.0.252 --keep -i u100");
        model.countProperty().set("12;reboot");
        assertThat(model.commandsPreviewProperty().get()).startsWith("Not ready:").contains("packet count");
    }

    @Test
    void verificationOnTheSandboxPairGivesAVerdict() throws Exception {
        model.scenarioProperty().set(Scenario.FIXED_FLOW);
        model.countProperty().set("3000");
        model.verify();
        QueueSamplerTest.waitFor(() -> !model.verifyingProperty().get());
        assertThat(model.verdictProperty().get()).as(model.verdictDetailProperty().get()).isEqualTo("PASS");
        assertThat(model.verdictDetailProperty().get()).contains("As predicted");
    }

    @Test
    void dpdkConfigurationComesFromTheLiveKeyAndTable() throws Exception {
        model.generateDpdk();
        QueueSamplerTest.waitFor(() -> model.dpdkTextProperty().get().contains("rte_eth_dev_rss_reta_update"));
        String key = context.sandboxInstance().rssKey("eth1").toHex();
        assertThat(model.dpdkTextProperty().get()).contains("port config 0 rss-hash-key ipv4-tcp " + key)
                .contains("--config=\"(0,0,1),(0,1,2),(0,2,3),(0,3,4)\"");
    }

    @Test
    void badDpdkInputIsExplainedNotRun() {
        model.dpdkLcoresProperty().set("1-4;reboot");
        model.generateDpdk();
        assertThat(model.dpdkTextProperty().get()).contains("lcore list");
    }

    @Test
    void failedScenarioTwoHandsItsFixToTuning() throws Exception {
        var sandbox = context.sandboxInstance();
        sandbox.faults().rssInactiveUntilFirstSet(true);
        sandbox.reboot();
        int port = 12345;
        var calc = new dev.nettune.rss.RssCalculator(sandbox.rssKey("eth1"), sandbox.indirectionTable("eth1"));
        var probe = new dev.nettune.sandbox.SandboxTraffic(sandbox, 1);
        while (calc.calculate(dev.nettune.rss.Flow.tcp("10.0.0.252", "10.0.0.5", port, 80)).queue()
                == probe.send("eth1", dev.nettune.rss.Flow.tcp("10.0.0.252", "10.0.0.5", port, 80), 0, 60)) {
            port++;
        }
        java.util.List<dev.nettune.app.RssProposals.Proposal> handed = new java.util.concurrent.CopyOnWriteArrayList<>();
        model.onProposal(handed::add);
        model.scenarioProperty().set(Scenario.FIXED_FLOW);
        model.sourcePortProperty().set(Integer.toString(port));
        model.countProperty().set("3000");
        model.verify();
        QueueSamplerTest.waitFor(() -> !model.verifyingProperty().get());
        assertThat(model.verdictProperty().get()).as(model.verdictDetailProperty().get()).isEqualTo("FAIL");
        assertThat(model.canHandFixProperty().get()).isTrue();
        model.handFixToTuning();
        assertThat(handed).hasSize(1);
        assertThat(handed.get(0).nic()).isEqualTo("eth1");
        assertThat(handed.get(0).key()).contains(sandbox.rssKey("eth1").toColonHex());
        assertThat(handed.get(0).table()).contains("equal " + sandbox.queueCount("eth1"));
    }
}
