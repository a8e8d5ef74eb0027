package dev.nettune.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssCalculator;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import dev.nettune.testing.Fixtures;
import dev.nettune.testing.InjectedFlows;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Captures from the rig guest (a real 6.1 virtio_net with QEMU's software Toeplitz RSS, see
 * /work/shared/rig): the parsers read them unchanged, and the traffic in them landed where the calculator says.
 */
class RigGuestCapturesTest {
    private static final String WEIGHT = "linux/virtio_net-6.1-rig-weight/";
    private static final String AFTER_L2 = "linux/virtio_net-6.1-rig-after-L2/";
    private static final RssKey KEY = RssKey.parse(
            "d9:da:8d:08:f0:7d:a8:7c:e8:09:6a:d5:79:cf:13:c4:47:0e:0d:98:1a:1a:d4:30:1e:66:97:03:a5:8b:f1:f7:6b:02:63:e9:b3:02:ec:c5");

    private static long[] rxDeltas(String before, String after, int queues) {
        QueueCounters b = EthtoolStatsParser.parse("virtio_net", Fixtures.read(before));
        QueueCounters a = EthtoolStatsParser.parse("virtio_net", Fixtures.read(after));
        long[] d = new long[queues];
        for (int q = 0; q < queues; q++) {
            d[q] = a.rxPackets(q) - b.rxPackets(q);
        }
        return d;
    }

    @Test
    void aWeightRequestShowsEthtoolsWeightedTableAndTheKeyThatWasSet() {
        EthtoolRss rss = EthtoolRssParser.parse(Fixtures.read(WEIGHT + "ethtool-x.txt"));

        assertThat(rss.ringCount()).hasValue(4);
        assertThat(rss.table()).contains(TableSpec.parse("weight 1 2 3 2").build(128, OptionalInt.of(4)));
        assertThat(rss.table().orElseThrow().bucketsPerQueue()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 16, 1, 32, 2, 48, 3, 32));
        assertThat(rss.key()).contains(KEY);
    }

    @Test
    void everyInjectedFrameLandedInTheQueueTheCalculatorPredictsFromTheLiveKeyAndWeightTable() {
        EthtoolRss rss = EthtoolRssParser.parse(Fixtures.read(WEIGHT + "ethtool-x.txt"));
        InjectedFlows flows = InjectedFlows.parse(Fixtures.read(WEIGHT + "injected-flows.txt"));

        long[] predicted = flows.predictedFrames(new RssCalculator(rss.key().orElseThrow(), rss.table().orElseThrow()), 4);

        assertThat(flows.frames()).isEqualTo(72);
        assertThat(rxDeltas(WEIGHT + "ethtool-S-before.txt", WEIGHT + "ethtool-S.txt", 4)).containsExactly(predicted);
        assertThat(predicted).containsExactly(8, 23, 22, 19);
    }

    @Test
    void afterAChannelChangeEthtoolXShowsTheOldTableUnderTheNewRingCount() {
        EthtoolRss rss = EthtoolRssParser.parse(Fixtures.read(AFTER_L2 + "ethtool-x.txt"));

        assertThat(rss.ringCount()).hasValue(2);
        assertThat(rss.table().orElseThrow().highestQueue()).isEqualTo(3);
        assertThat(rss.table()).contains(IndirectionTable.defaultFor(128, 4));
        assertThat(Channels.parse(Fixtures.read(AFTER_L2 + "ethtool-l.txt")).rxQueues()).isEqualTo(2);
    }

    @Test
    void afterAChannelChangeTheDeviceDoesNotUseTheTableEthtoolXShows() {
        EthtoolRss shown = EthtoolRssParser.parse(Fixtures.read(AFTER_L2 + "ethtool-x.txt"));
        InjectedFlows flows = InjectedFlows.parse(Fixtures.read(AFTER_L2 + "injected-flows.txt"));
        long[] predicted = flows.predictedFrames(new RssCalculator(shown.key().orElseThrow(), shown.table().orElseThrow()), 2);

        long[] landed = rxDeltas(AFTER_L2 + "ethtool-S-before.txt", AFTER_L2 + "ethtool-S.txt", 2);

        assertThat(landed[0] + landed[1]).isEqualTo(72);
        assertThat(predicted[2] + predicted[3]).as("frames the shown table sends to queues that no longer exist").isPositive();
        assertThat(new long[] {predicted[0], predicted[1]}).isNotEqualTo(landed);
    }

    @Test
    void afterKeyAndTableArePushedAgainEveryFrameLandsWherePredictedOnTheTwoQueues() {
        EthtoolRss rss = EthtoolRssParser.parse(Fixtures.read(AFTER_L2 + "ethtool-x-repushed.txt"));
        InjectedFlows flows = InjectedFlows.parse(Fixtures.read(AFTER_L2 + "injected-flows.txt"));

        long[] predicted = flows.predictedFrames(new RssCalculator(rss.key().orElseThrow(), rss.table().orElseThrow()), 2);

        assertThat(rss.table()).contains(IndirectionTable.defaultFor(128, 2));
        assertThat(rxDeltas(AFTER_L2 + "ethtool-S.txt", AFTER_L2 + "ethtool-S-repushed.txt", 2)).containsExactly(predicted);
    }

    @Test
    void theGuestsInputInterruptsAreFoundByItsVirtioDeviceName() {
        ProcInterrupts p = ProcInterrupts.parse(Fixtures.read(WEIGHT + "proc-interrupts.txt"));
        String dev = Fixtures.read(WEIGHT + "readlink-device.txt").strip();

        List<QueueIrq> q = QueueIrqs.find(p, "virtio_net", "eth0", "0000:00:03.0", Optional.of(dev.substring(dev.lastIndexOf('/') + 1)));

        assertThat(q).filteredOn(QueueIrq::servesRx).extracting(QueueIrq::irq).containsExactly(25, 27, 29, 31);
        assertThat(q).filteredOn(QueueIrq::servesRx).extracting(QueueIrq::name)
                .containsExactly("virtio0-input.0", "virtio0-input.1", "virtio0-input.2", "virtio0-input.3");
    }

    @Test
    void theTimeWaitSysctlsOfAStock61KernelWithHalfAGigabyte() {
        SysctlOutput s = SysctlOutput.parse(Fixtures.read(WEIGHT + "sysctl-tw.txt"));

        assertThat(s.values()).containsEntry("net.ipv4.tcp_tw_reuse", "2").containsEntry("net.ipv4.tcp_fin_timeout", "60")
                .containsEntry("net.ipv4.tcp_max_tw_buckets", "2048");
    }

    @Test
    void eachTxQueuesXpsMaskIsItsOwnCpu() {
        for (int q = 0; q < 4; q++) {
            assertThat(CpuSet.parseMask(Fixtures.read(WEIGHT + "xps_cpus-tx-" + q + ".txt"))).isEqualTo(CpuSet.of(q));
        }
    }

    @Test
    void udpOverIpv4IsHashedOnTheFourTuple() {
        RxFlowHash h = RxFlowHash.parse(Fixtures.read(WEIGHT + "ethtool-n-rx-flow-hash-udp4.txt"));

        assertThat(h.flowType()).isEqualTo(FlowType.UDP4);
        assertThat(h.hashesFourTuple()).isTrue();
    }

    @Test
    void theHostStateOfTheGuestPutsEachInputIrqOnTheCpuOfItsQueue() {
        HostState state = assemble(Fixtures.read(WEIGHT + "proc-irq-smp_affinity_list.txt"), 0);
        NicState eth0 = state.nic("eth0").orElseThrow();

        List<QueueIrq> rx = eth0.irqs().asOptional().orElseThrow().stream().filter(QueueIrq::servesRx).toList();

        assertThat(rx).extracting(QueueIrq::queue).containsExactly(0, 1, 2, 3);
        assertThat(rx).extracting(i -> i.affinity().orElseThrow()).containsExactly(CpuSet.of(0), CpuSet.of(1), CpuSet.of(2), CpuSet.of(3));
        assertThat(eth0.xps().asOptional().orElseThrow()).containsEntry(2, Reading.known(CpuSet.of(2)));
        assertThat(eth0.counters().asOptional().orElseThrow().source()).isEqualTo(CounterSource.ETHTOOL_STATS);
        assertThat(eth0.rss().asOptional().orElseThrow().key()).contains(KEY);
    }

    /** The guest's state as HostStateAssembler reads it, with the IRQ affinity probe's answer given. */
    private static HostState assemble(String affinity, int affinityExit) {
        StringBuilder perNic = new StringBuilder();
        perNic.append(HostStateScript.section("eth0", "ifindex", 0, "2"));
        perNic.append(HostStateScript.section("eth0", "device", 0, Fixtures.read(WEIGHT + "readlink-device.txt")));
        perNic.append(HostStateScript.section("eth0", "ethtool-i", 0, Fixtures.read(WEIGHT + "ethtool-i.txt")));
        perNic.append(HostStateScript.section("eth0", "ethtool-l", 0, Fixtures.read(WEIGHT + "ethtool-l.txt")));
        perNic.append(HostStateScript.section("eth0", "ethtool-x", 0, Fixtures.read(WEIGHT + "ethtool-x.txt")));
        perNic.append(HostStateScript.section("eth0", "ethtool-S", 0, Fixtures.read(WEIGHT + "ethtool-S.txt")));
        perNic.append(HostStateScript.section("eth0", "rx-flow-hash-udp4", 0, Fixtures.read(WEIGHT + "ethtool-n-rx-flow-hash-udp4.txt")));
        for (int q = 0; q < 4; q++) {
            perNic.append(HostStateScript.section("eth0", "xps-tx-" + q, 0, Fixtures.read(WEIGHT + "xps_cpus-tx-" + q + ".txt")));
        }
        Map<String, ProbeOutput> out = new LinkedHashMap<>();
        out.put(HostStateScript.KERNEL, new ProbeOutput(0, Fixtures.read(WEIGHT + "uname-r.txt"), ""));
        out.put(HostStateScript.INTERRUPTS, new ProbeOutput(0, Fixtures.read(WEIGHT + "proc-interrupts.txt"), ""));
        out.put(HostStateScript.IRQ_AFFINITY, new ProbeOutput(affinityExit, affinity, ""));
        out.put(HostStateScript.SYSCTL_TIME_WAIT, new ProbeOutput(0, Fixtures.read(WEIGHT + "sysctl-tw.txt"), ""));
        out.put(HostStateScript.PER_NIC, new ProbeOutput(0, perNic.toString(), ""));
        return HostStateAssembler.assemble("rig", Instant.parse("2026-11-22T03:45:00Z"), out);
    }
}
