package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real captures through the parser: the 4-queue virtio_net 6.1 guest and the 6.18 NIC without per-queue packets. */
class SnapshotParserTest {
    static final String SOFTIRQS = "                    CPU0       CPU1       CPU2       CPU3\n      NET_RX:        120        340         56          7\n";

    @Test
    void virtio61CaptureGivesPacketsBytesAndPerCpuInterruptsPerQueue() throws Exception {
        SampleFrame f = new SampleFrame(100, 5, "rx_packets:963\ntx_packets:966\n",
                Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-S.txt"),
                Fixtures.read("linux/virtio_net-6.1-qemu-4q/proc-interrupts.txt"), SOFTIRQS);
        CounterSnapshot s = new SnapshotParser(new NicIdentity("eth0", "virtio_net", "0000:00:02.0", Optional.of("virtio0"))).parse(f);
        assertThat(s.queueCount()).isEqualTo(4);
        assertThat(s.rxPackets()).containsExactly(273, 318, 234, 138);
        assertThat(s.rxBytes()[1]).isEqualTo(17832);
        assertThat(s.txPackets()[3]).isEqualTo(151);
        assertThat(s.irqByQueueAndCpu()[0]).containsExactly(92, 0, 0, 1);
        assertThat(s.irqByQueueAndCpu()[3]).containsExactly(0, 1, 0, 46);
        assertThat(s.netRxPerCpu()).containsExactly(120, 340, 56, 7);
        assertThat(s.nicRxPackets()).isEqualTo(963);
        assertThat(s.source()).isEqualTo("ethtool -S");
    }

    @Test
    void virtio618WithoutPerQueuePacketsFallsBackToInterruptsAndSaysSo() throws Exception {
        String interrupts = Fixtures.read("linux/virtio_net-6.18-1q/proc-interrupts.txt");
        // The NIC of that capture is virtio2 (virtio2-input.0 / virtio2-output.0).
        String device = "virtio2";
        SampleFrame f = new SampleFrame(100, 5, "", Fixtures.read("linux/virtio_net-6.18-1q/ethtool-S.txt"), interrupts, "");
        CounterSnapshot s = new SnapshotParser(new NicIdentity("eth0", "virtio_net", "", Optional.of(device))).parse(f);
        assertThat(s.source()).isEqualTo("/proc/interrupts");
        assertThat(s.rxPackets()).containsOnly(CounterSnapshot.UNKNOWN);
        assertThat(s.queueCount()).isEqualTo(1);
        assertThat(s.irqTotal(0)).isEqualTo(9488);
    }

    @Test
    void garbageSectionsGiveAnEmptySnapshotNotACrash() {
        SampleFrame f = new SampleFrame(1, 1, "sh: cd: can't cd\n", "Cannot get stats strings information: No such device\n",
                "", "");
        CounterSnapshot s = new SnapshotParser(new NicIdentity("eth9", "virtio_net", "", Optional.empty())).parse(f);
        assertThat(s.queueCount()).isZero();
    }

    @Test
    void nicWithoutQueueCountersOrInterruptsIsShownAsItsTotals() {
        SampleFrame f = new SampleFrame(1, 1, "rx_bytes:5000\nrx_packets:50\ntx_bytes:700\ntx_packets:7\n",
                "Cannot get stats strings information: Operation not supported\n", "           CPU0\n  0:  1  IO-APIC  timer\n", "");
        CounterSnapshot s = new SnapshotParser(new NicIdentity("lo", NicIdentity.UNKNOWN_DRIVER, "", Optional.empty())).parse(f);
        assertThat(s.queueCount()).isEqualTo(1);
        assertThat(s.rxPackets()).containsExactly(50);
        assertThat(s.rxBytes()).containsExactly(5000);
        assertThat(s.source()).isEqualTo("totals only");
    }
}
