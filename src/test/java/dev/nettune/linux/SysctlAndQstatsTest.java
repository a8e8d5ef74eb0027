package dev.nettune.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** sysctl output (values and refusals) and the netdev qstats of the YNL CLI. */
class SysctlAndQstatsTest {

    @Test
    void timeWaitSysctlsOfThisMachine() {
        SysctlOutput s = SysctlOutput.parse(Fixtures.read("linux/this-machine-6.18.44/sysctl-tw.txt"));
        assertThat(s.values()).containsOnlyKeys("net.ipv4.tcp_tw_reuse", "net.ipv4.tcp_max_tw_buckets", "net.ipv4.tcp_fin_timeout");
        assertThat(s.reading("net.ipv4.tcp_tw_reuse").isKnown()).isTrue();
    }

    @Test
    void sysctlAllKeepsMultiValueSettings() {
        SysctlOutput s = SysctlOutput.parse(Fixtures.read("linux/this-machine-6.18.44/sysctl-a.txt"));
        assertThat(s.values().size()).isGreaterThan(1000);
        assertThat(s.values().get("net.ipv4.tcp_rmem")).contains("\t");
        assertThat(s.values()).containsEntry("kernel.hostname", "vm");
    }

    @Test
    void aMissingSmcTreeIsAnErrorNamingTheKey() {
        SysctlOutput s = SysctlOutput.parse(Fixtures.read("linux/this-machine-6.18.44/sysctl-smc-missing.txt"));
        assertThat(s.values()).isEmpty();
        assertThat(s.errors()).containsKey("net.smc.autocorking_size");
        assertThat(s.reading("net.smc.autocorking_size").describe()).startsWith("unknown because net.smc.autocorking_size does not exist");
    }

    @Test
    void writingAnUnknownSysctlIsRefusedByName() {
        SysctlOutput s = SysctlOutput.parse(Fixtures.read("linux/this-machine-6.18.44/sysctl-w-unknown.txt"));
        assertThat(s.errors()).containsKey("net.ipv4.nonexist");
    }

    @Test
    void aSubtreeReadListsEveryKeyUnderIt() {
        SysctlOutput s = SysctlOutput.parse(Fixtures.read("linux/this-machine-6.18.44/sysctl-subtree.txt"));
        assertThat(s.values().keySet()).allMatch(k -> k.startsWith("net.ipv4.conf.lo."));
    }

    @Test
    void namesAndProcPathsConvertBothWays() {
        assertThat(SysctlOutput.toPath("net.smc.wmem")).isEqualTo("/proc/sys/net/smc/wmem");
        assertThat(SysctlOutput.toName("/proc/sys/net/ipv4/tcp_tw_reuse")).isEqualTo("net.ipv4.tcp_tw_reuse");
    }

    @Test
    void qstatsJsonGivesPerQueuePacketsOfOneInterface() {
        QueueCounters c = NetdevQstats.parse(Fixtures.read("linux/netdev-qstats-documented/ynl-qstats-get-json.txt"), 2);
        assertThat(c.source()).isEqualTo(CounterSource.NETDEV_QSTATS);
        assertThat(c.rx()).extracting(QueueCount::packets).containsExactly(9488L, 7310L);
        assertThat(c.tx()).extracting(QueueCount::packets).containsExactly(7844L, 6620L);
        assertThat(c.rx().get(0).bytes()).hasValue(1023412);
    }

    @Test
    void qstatsPythonPrettyPrintReadsTheSame() {
        QueueCounters json = NetdevQstats.parse(Fixtures.read("linux/netdev-qstats-documented/ynl-qstats-get-json.txt"), 2);
        QueueCounters pprint = NetdevQstats.parse(Fixtures.read("linux/netdev-qstats-documented/ynl-qstats-get-pprint.txt"), 2);
        assertThat(pprint).isEqualTo(json);
    }

    @Test
    void qstatsOfAnotherInterfaceAreTotalsOnly() {
        QueueCounters c = NetdevQstats.parse(Fixtures.read("linux/netdev-qstats-documented/ynl-qstats-get-json.txt"), 9);
        assertThat(c.source()).isEqualTo(CounterSource.TOTALS_ONLY);
    }

    @Test
    void theNetlinkLayoutOfEthtoolXStartsWithABlankLineAndHasAnInputTransformation() {
        EthtoolRss nl = EthtoolRssParser.parse(Fixtures.read("linux/ethtool-netlink-documented/ethtool-x.txt"));
        EthtoolRss ioctl = EthtoolRssParser.parse(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-x.txt"));
        assertThat(nl.table()).isEqualTo(ioctl.table());
        assertThat(nl.key()).isEqualTo(ioctl.key());
        assertThat(nl.activeHashFunction()).hasValue("toeplitz");
        assertThat(nl.hashFunctions()).doesNotContainKey("symmetric-xor");
    }

    @Test
    void thisMachinesEthtoolXSaysOperationNotSupported() {
        EthtoolRss r = EthtoolRssParser.parse(Fixtures.read("linux/this-machine-6.18.44/ethtool-x.txt"));
        assertThat(r.supportsCustomTable()).isFalse();
        assertThat(r.tableProblem()).hasValue("Operation not supported");
        assertThat(r.ringCount()).hasValue(1);
    }
}
