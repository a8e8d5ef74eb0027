package dev.nettune.rss.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IpAddress;
import dev.nettune.testing.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SsFlowsTest {
    private static final String SS = Fixtures.read("linux/ss-6.1-loopback-captured/ss-tinH.txt");

    @Test
    void everyEstablishedSocketBecomesAFlowFromThePeerToTheLocalSocket() {
        List<ObservedFlow> flows = SsFlows.parse(SS, WeightUnit.FLOWS);
        assertThat(flows).hasSize(6);
        assertThat(flows.get(0).flow()).isEqualTo(Flow.tcp("127.0.0.1", "127.0.0.1", 43716, 5201));
        assertThat(flows.get(1).flow()).isEqualTo(Flow.tcp("127.0.0.1", "127.0.0.1", 5201, 43716));
    }

    @Test
    void bytesReceivedWeighsTheServerSideOfEachConnectionAsTheClientSent() {
        List<ObservedFlow> flows = SsFlows.parse(SS, WeightUnit.BYTES);
        assertThat(flows).extracting(ObservedFlow::weight).containsExactly(1_048_576L, 0L, 0L, 1000L, 0L, 300_000L);
    }

    @Test
    void segmentsInWeighsByPackets() {
        assertThat(SsFlows.parse(SS, WeightUnit.PACKETS)).extracting(ObservedFlow::weight)
                .containsExactly(26L, 21L, 2L, 3L, 8L, 12L);
    }

    @Test
    void ipv6SocketsAreReadWithoutTheirBrackets() {
        ObservedFlow v6 = SsFlows.parse(SS, WeightUnit.BYTES).get(5);
        assertThat(v6.flow()).isEqualTo(Flow.tcp("::1", "::1", 33648, 5202));
    }

    @Test
    void filteringToTheNicsAddressesKeepsOnlyFlowsReceivedOnThem() {
        Set<IpAddress> lo = NicAddresses.parseIpAddr(Fixtures.read("linux/ss-6.1-loopback-captured/ip-o-addr-lo.txt"));
        Set<IpAddress> eth0 = NicAddresses.parseIpAddr(Fixtures.read("linux/ss-6.1-loopback-captured/ip-o-addr-eth0.txt"));
        List<ObservedFlow> flows = SsFlows.parse(SS, WeightUnit.BYTES);
        assertThat(lo).containsExactly(IpAddress.parse("127.0.0.1"), IpAddress.parse("::1"));
        assertThat(eth0).contains(IpAddress.parse("192.0.2.2"), IpAddress.parse("fd00::2"), IpAddress.parse("fe80::fc:ff:fe00:1"));
        assertThat(NicAddresses.filter(flows, lo)).hasSize(6);
        assertThat(NicAddresses.filter(flows, eth0)).isEmpty();
    }

    @Test
    void ipv4MappedPeersAndScopedAddressesAreHashedAsTheWireCarriesThem() {
        assertThat(SsFlows.endpoint("[::ffff:10.0.0.9]:22").address()).isEqualTo(IpAddress.parse("10.0.0.9"));
        assertThat(SsFlows.endpoint("[fe80::1%eth0]:22").address()).isEqualTo(IpAddress.parse("fe80::1"));
    }
}
