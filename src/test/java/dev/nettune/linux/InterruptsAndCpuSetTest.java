package dev.nettune.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /proc/interrupts per driver, IRQ-to-queue mapping, and the CPU list / CPU mask spellings. */
class InterruptsAndCpuSetTest {

    @Test
    void procInterruptsOfTheGuestHasFourCpuColumnsAndNamedLines() {
        ProcInterrupts p = ProcInterrupts.parse(Fixtures.read("linux/virtio_net-6.1-qemu-4q/proc-interrupts.txt"));
        assertThat(p.cpuColumns()).isEqualTo(4);
        ProcInterrupts.Line l = p.byName("virtio0-input.0").orElseThrow();
        assertThat(l.irq()).isEqualTo(25);
        assertThat(l.total()).isEqualTo(93);
        assertThat(l.controller()).isEqualTo("PCI-MSI 49153-edge");
    }

    @Test
    void virtioQueuesAreFoundByTheDeviceName() {
        ProcInterrupts p = ProcInterrupts.parse(Fixtures.read("linux/virtio_net-6.1-qemu-4q/proc-interrupts.txt"));
        List<QueueIrq> q = QueueIrqs.find(p, "virtio_net", "eth0", "0000:00:03.0", Optional.of("virtio0"));
        assertThat(q).filteredOn(QueueIrq::servesRx).extracting(QueueIrq::irq).containsExactly(25, 27, 29, 31);
        assertThat(q).filteredOn(i -> !i.servesRx()).hasSize(4);
        QueueCounters c = QueueIrqs.asCounters(q);
        assertThat(c.source()).isEqualTo(CounterSource.PROC_INTERRUPTS);
        assertThat(c.rx()).extracting(QueueCount::packets).containsExactly(93L, 107L, 79L, 47L);
        assertThat(c.note()).contains("not packets");
    }

    @Test
    void virtio618OnThisKindOfMachineUsesMsixControllerNames() {
        ProcInterrupts p = ProcInterrupts.parse(Fixtures.read("linux/virtio_net-6.18-1q/proc-interrupts.txt"));
        List<QueueIrq> q = QueueIrqs.find(p, "virtio_net", "eth0", "0000:00:03.0", Optional.of("virtio2"));
        assertThat(q).extracting(QueueIrq::name).containsExactly("virtio2-input.0", "virtio2-output.0");
        assertThat(q.get(0).count()).isEqualTo(9488);
    }

    @Test
    void thisMachinesInterruptsAndDeviceLinkFindEth0sQueue() {
        ProcInterrupts p = ProcInterrupts.parse(Fixtures.read("linux/this-machine-6.18.44/proc-interrupts.txt"));
        String dev = Fixtures.read("linux/this-machine-6.18.44/readlink-device.txt").strip();
        List<QueueIrq> q = QueueIrqs.find(p, "virtio_net", "eth0", "", Optional.of(dev.substring(dev.lastIndexOf('/') + 1)));
        assertThat(q).extracting(QueueIrq::name).contains(dev.substring(dev.lastIndexOf('/') + 1) + "-input.0");
    }

    @Test
    void mlx5CompletionVectorsServeBothDirections() {
        ProcInterrupts p = ProcInterrupts.parse(Fixtures.read("linux/mlx5-documented/proc-interrupts.txt"));
        List<QueueIrq> q = QueueIrqs.find(p, "mlx5_core", "eth1", "0000:00:06.0", Optional.empty());
        assertThat(q).extracting(QueueIrq::queue).containsExactly(0, 1);
        assertThat(q).allMatch(i -> i.direction() == QueueIrq.Direction.RXTX);
    }

    @Test
    void enaIxgbeIceAndI40eQueueNames() {
        assertThat(QueueIrqs.find(ProcInterrupts.parse(Fixtures.read("linux/ena-documented/proc-interrupts.txt")),
                "ena", "eth0", "0000:00:05.0", Optional.empty())).extracting(QueueIrq::irq).containsExactly(26, 27);
        assertThat(QueueIrqs.find(ProcInterrupts.parse(Fixtures.read("linux/ixgbe-documented/proc-interrupts.txt")),
                "ixgbe", "eth2", "", Optional.empty())).extracting(QueueIrq::irq).containsExactly(60, 61);
        assertThat(QueueIrqs.find(ProcInterrupts.parse(Fixtures.read("linux/ice-documented/proc-interrupts.txt")),
                "ice", "ens1f0", "", Optional.empty())).extracting(QueueIrq::irq).containsExactly(81, 82);
        assertThat(QueueIrqs.find(ProcInterrupts.parse(Fixtures.read("linux/i40e-documented/proc-interrupts.txt")),
                "i40e", "ens2f0", "", Optional.empty())).extracting(QueueIrq::irq).containsExactly(71, 72);
    }

    @Test
    void cpuListParsesRangesAndSingles() {
        CpuSet s = CpuSet.parseList("0-3,8");
        assertThat(s.cpus().toArray()).containsExactly(0, 1, 2, 3, 8);
        assertThat(s.toList()).isEqualTo("0-3,8");
    }

    @Test
    void cpuMaskIsTheHexTheKernelTakes() {
        assertThat(CpuSet.parseList("0-3").toMask()).isEqualTo("f");
        assertThat(CpuSet.parseList("0-3,8").toMask()).isEqualTo("10f");
        assertThat(CpuSet.parseList("0-3").toMask(4)).isEqualTo("f");
        assertThat(CpuSet.parseList("0-3").toMask(8)).isEqualTo("0f");
        assertThat(CpuSet.parseList("0-3").toMask(64)).isEqualTo("00000000,0000000f");
        assertThat(CpuSet.of(32).toMask()).isEqualTo("1,00000000");
    }

    @Test
    void cpuMaskWithCommaGroupsParsesBack() {
        assertThat(CpuSet.parseMask("00000001,0000000f").toList()).isEqualTo("0-3,32");
        assertThat(CpuSet.parseMask("f").toList()).isEqualTo("0-3");
        for (String list : List.of("0", "0-3,8", "5,63", "0-127")) {
            CpuSet s = CpuSet.parseList(list);
            assertThat(CpuSet.parseMask(s.toMask(128))).isEqualTo(s);
        }
    }

    @Test
    void aCpuListIsRefusedAsAMaskWithTheReasonAndTheRightSpelling() {
        assertThatThrownBy(() -> CpuSet.parseMask("0-3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a CPU list, not a CPU mask")
                .hasMessageContaining("Invalid argument")
                .hasMessageContaining("'f' for CPUs 0-3");
    }

    @Test
    void garbageIsNeitherAListNorAMask() {
        assertThatThrownBy(() -> CpuSet.parseList("a-b")).hasMessageContaining("Not a CPU list");
        assertThatThrownBy(() -> CpuSet.parseMask("xyz")).hasMessageContaining("Not a CPU mask");
        assertThatThrownBy(() -> CpuSet.parseList("3-1")).hasMessageContaining("runs backwards");
    }

    @Test
    void thisMachinesOnlineCpusAndAffinityReadAsLists() {
        assertThat(CpuSet.parseList(Fixtures.read("linux/this-machine-6.18.44/cpu-online.txt")).size()).isEqualTo(2);
    }
}
