package dev.nettune.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** ethtool -S per driver, one parser per driver, on real (or documented) captures. */
class EthtoolStatsParserTest {

    @Test
    void virtioNet61GivesPacketsAndBytesPerQueue() {
        QueueCounters c = EthtoolStatsParser.parse("virtio_net", Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-S.txt"));
        assertThat(c.source()).isEqualTo(CounterSource.ETHTOOL_STATS);
        assertThat(c.rx()).extracting(QueueCount::packets).containsExactly(273L, 318L, 234L, 138L);
        assertThat(c.rx().get(1).bytes()).hasValue(17832);
        assertThat(c.tx()).extracting(QueueCount::packets).containsExactly(260L, 323L, 232L, 151L);
        assertThat(c.rxPacketsTotal()).isEmpty();
    }

    @Test
    void virtioNet618HasNoPerQueuePacketsAndSaysSo() {
        QueueCounters c = EthtoolStatsParser.parse("virtio_net", Fixtures.read("linux/virtio_net-6.18-1q/ethtool-S.txt"));
        assertThat(c.source()).isEqualTo(CounterSource.TOTALS_ONLY);
        assertThat(c.hasPerQueue()).isFalse();
        assertThat(c.note()).contains("no per-queue packet counters");
    }

    @Test
    void thisMachinesVirtioNetIsTheNewLayoutToo() {
        QueueCounters c = EthtoolStatsParser.parse("virtio_net", Fixtures.read("linux/this-machine-6.18.44/ethtool-S.txt"));
        assertThat(c.source()).isEqualTo(CounterSource.TOTALS_ONLY);
    }

    @Test
    void mlx5RingCountersAreRxNPackets() {
        QueueCounters c = EthtoolStatsParser.parse("mlx5_core", Fixtures.read("linux/mlx5-documented/ethtool-S.txt"));
        assertThat(c.source()).isEqualTo(CounterSource.ETHTOOL_STATS);
        assertThat(c.rx()).extracting(QueueCount::packets).containsExactly(17211L, 13710L);
        assertThat(c.tx()).extracting(QueueCount::packets).containsExactly(9877L, 10239L);
        assertThat(c.rxPacketsTotal()).hasValue(30921);
    }

    @Test
    void enaCountsQueueNRxCnt() {
        QueueCounters c = EthtoolStatsParser.parse("ena", Fixtures.read("linux/ena-documented/ethtool-S.txt"));
        assertThat(c.rx()).extracting(QueueCount::packets).containsExactly(2125L, 1779L);
        assertThat(c.rx().get(0).bytes()).hasValue(2592389);
        assertThat(c.tx()).extracting(QueueCount::packets).containsExactly(1510L, 998L);
    }

    @Test
    void ixgbeCountsRxQueueNPackets() {
        QueueCounters c = EthtoolStatsParser.parse("ixgbe", Fixtures.read("linux/ixgbe-documented/ethtool-S.txt"));
        assertThat(c.rx()).extracting(QueueCount::packets).containsExactly(2900L, 2601L);
        assertThat(c.rxPacketsTotal()).hasValue(5501);
    }

    @Test
    void iceCountsRxQueueNPackets() {
        QueueCounters c = EthtoolStatsParser.parse("ice", Fixtures.read("linux/ice-documented/ethtool-S.txt"));
        assertThat(c.rx()).extracting(QueueCount::packets).containsExactly(4050L, 4053L);
        assertThat(c.tx()).extracting(QueueCount::packets).containsExactly(3020L, 3100L);
    }

    @Test
    void i40eCountsRxDashNDotPackets() {
        QueueCounters c = EthtoolStatsParser.parse("i40e", Fixtures.read("linux/i40e-documented/ethtool-S.txt"));
        assertThat(c.rx()).extracting(QueueCount::packets).containsExactly(4500L, 4501L);
        assertThat(c.tx().get(1).bytes()).hasValue(440105);
    }

    @Test
    void anUnknownDriverGivesTotalsOnlyAndNamesTheDriver() {
        QueueCounters c = EthtoolStatsParser.parse("bnxt_en", Fixtures.read("linux/ixgbe-documented/ethtool-S.txt"));
        assertThat(c.source()).isEqualTo(CounterSource.TOTALS_ONLY);
        assertThat(c.rxPacketsTotal()).hasValue(5501);
        assertThat(c.note()).contains("bnxt_en").contains("totals only");
    }

    @Test
    void theRightParserIsChosenByDriverName() {
        assertThat(EthtoolStatsParser.forDriver("virtio_net")).get().isInstanceOf(VirtioNetStatsParser.class);
        assertThat(EthtoolStatsParser.forDriver("mlx5_core")).get().isInstanceOf(Mlx5StatsParser.class);
        assertThat(EthtoolStatsParser.forDriver("ena")).get().isInstanceOf(EnaStatsParser.class);
        assertThat(EthtoolStatsParser.forDriver("ice")).get().isInstanceOf(IntelQueueStatsParser.class);
        assertThat(EthtoolStatsParser.forDriver("i40e")).get().isInstanceOf(I40eStatsParser.class);
        assertThat(EthtoolStatsParser.forDriver("e1000")).isEmpty();
    }

    @Test
    void parseAllKeepsEveryStatisticInOrder() {
        var all = EthtoolStatsParser.parseAll(Fixtures.read("linux/virtio_net-6.18-1q/ethtool-S.txt"));
        assertThat(all).containsEntry("rx0_kicks", 2272L).containsEntry("tx_kicks", 8759L);
        assertThat(all.keySet().iterator().next()).isEqualTo("rx_drops");
    }

    @Test
    void notEthtoolSOutputIsRefusedWithWhatWasSeen() {
        assertThatThrownBy(() -> EthtoolStatsParser.parse("virtio_net", "no stats available\n"))
                .isInstanceOf(LinuxParseException.class).hasMessageContaining("no stats available");
    }

    @Test
    void theNoteOfAnUnknownDriverIsSaidInChinese() {
        QueueCounters c = EthtoolStatsParser.parse("foo_nic", "NIC statistics:\n     rx_packets: 5\n     tx_packets: 7\n");

        assertThat(c.notePhrase().in(java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("驱动 foo_nic 的每队列计数器格式 NetTune 不认识（virtio_net、mlx5_core、ena、ixgbe、ice、i40e）：只有总数");
        assertThat(c.note()).startsWith("driver foo_nic has no per-queue counter layout NetTune knows");
    }
}
