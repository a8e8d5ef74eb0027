package dev.nettune.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.linux.EthtoolStatsParser;
import dev.nettune.linux.QueueCount;
import dev.nettune.linux.QueueCounters;
import dev.nettune.rss.Flow;
import dev.nettune.rss.ToeplitzHash;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Traffic lands where the Toeplitz hash and the current table say, and the counters show it. */
class SandboxTrafficTest {
    private final SandboxInstance box = SandboxInstance.demo();
    private final SandboxTraffic traffic = new SandboxTraffic(box, 1);

    private QueueCounters counters() throws Exception {
        return EthtoolStatsParser.parse("virtio_net", box.run(Command.of("ethtool", "-S", "eth1"), Duration.ofSeconds(5)).stdout());
    }

    @Test
    void scenarioTwoPutsAllTenThousandPacketsInThePredictedQueue() throws Exception {
        Flow f = SandboxTraffic.scenario2Flow();
        int predicted = box.indirectionTable("eth1").queueOf(new ToeplitzHash(box.rssKey("eth1")).hash(f));
        int q = traffic.hpingScenario2("eth1");
        assertThat(q).isEqualTo(predicted);
        assertThat(counters().rxPackets(predicted)).isEqualTo(10_000);
        assertThat(counters().rx().stream().mapToLong(QueueCount::packets).sum()).isEqualTo(10_000);
    }

    @Test
    void scenarioOneSpreadsOverAllFourQueues() throws Exception {
        traffic.hpingScenario1("eth1");
        QueueCounters c = counters();
        assertThat(c.rx()).hasSize(4).allMatch(q -> q.packets() > 1_500 && q.packets() < 3_500);
        assertThat(c.rx().get(0).bytes()).hasValue(c.rx().get(0).packets() * SandboxTraffic.SYN_BYTES);
    }

    @Test
    void aNewTableMovesTheFlowToTheQueueTheTableNames() throws Exception {
        box.run(Command.of("ethtool", "-X", "eth1", "start", "3", "equal", "1"), Duration.ofSeconds(5));
        assertThat(traffic.hpingScenario2("eth1")).isEqualTo(3);
    }

    @Test
    void interruptsCountAlongTheQueues() throws Exception {
        int q = traffic.hpingScenario2("eth1");
        String irq = box.run(Command.of("cat", "/proc/interrupts"), Duration.ofSeconds(5)).stdout();
        String line = irq.lines().filter(l -> l.endsWith("virtio2-input." + q)).findFirst().orElseThrow();
        assertThat(line).contains(" 10000 ");
    }

    @Test
    void withTheRigFaultRssIsNotActiveUntilTheFirstEthtoolX() throws Exception {
        SandboxInstance rig = new SandboxInstance(42, 8, 4);
        rig.faults().rssInactiveUntilFirstSet(true);
        rig.reboot();
        SandboxTraffic t = new SandboxTraffic(rig, 1);
        int matches = 0;
        for (int i = 0; i < 32; i++) {
            Flow f = Flow.tcp("198.18.0.1", "198.18.0.2", 20000 + i, 80);
            int predicted = rig.indirectionTable("eth1").queueOf(new ToeplitzHash(rig.rssKey("eth1")).hash(f));
            matches += t.send("eth1", f, 1, 60) == predicted ? 1 : 0;
        }
        assertThat(matches).isLessThan(32);
        rig.run(Command.of("ethtool", "-X", "eth1", "equal", "4"), Duration.ofSeconds(5));
        for (int i = 0; i < 32; i++) {
            Flow f = Flow.tcp("198.18.0.1", "198.18.0.2", 20000 + i, 80);
            int predicted = rig.indirectionTable("eth1").queueOf(new ToeplitzHash(rig.rssKey("eth1")).hash(f));
            assertThat(t.send("eth1", f, 1, 60)).isEqualTo(predicted);
        }
    }

    @Test
    void withTheKeyShiftFaultPredictionsFailAlthoughEthtoolXShowsTheKey() throws Exception {
        box.faults().keyShiftedByOneByte(true);
        int matches = 0;
        for (int i = 0; i < 64; i++) {
            Flow f = Flow.tcp(SandboxTraffic.SENDER, SandboxTraffic.ACCEPTER, 10_000 + i, 80);
            int predicted = box.indirectionTable("eth1").queueOf(new ToeplitzHash(box.rssKey("eth1")).hash(f));
            matches += traffic.send("eth1", f, 1, 60) == predicted ? 1 : 0;
        }
        assertThat(matches).isLessThan(64);
        String x = box.run(Command.of("ethtool", "-x", "eth1"), Duration.ofSeconds(5)).stdout();
        assertThat(dev.nettune.linux.EthtoolRssParser.parse(x).key()).contains(box.rssKey("eth1"));
    }

    @Test
    void backgroundTrafficMovesTheCountersUntilStopped() throws Exception {
        traffic.startBackground("eth1", 2_000);
        Thread.sleep(350);
        traffic.close();
        long total = counters().rx().stream().mapToLong(QueueCount::packets).sum();
        assertThat(total).isPositive();
        Thread.sleep(200);
        assertThat(counters().rx().stream().mapToLong(QueueCount::packets).sum()).isEqualTo(total);
        assertThat(traffic.backgroundRunning()).isFalse();
    }
}
