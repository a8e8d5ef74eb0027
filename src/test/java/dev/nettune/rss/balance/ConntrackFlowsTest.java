package dev.nettune.rss.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IpAddress;
import dev.nettune.testing.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConntrackFlowsTest {
    private static final Set<IpAddress> NIC = Set.of(IpAddress.parse("10.0.0.5"), IpAddress.parse("fd00::5"));

    @Test
    void connectionsTheHostAcceptedAreReceivedInTheOriginalDirection() {
        List<ObservedFlow> flows = ConntrackFlows.received(
                ConntrackFlows.parse(Fixtures.read("linux/conntrack-documented/proc-net-nf_conntrack-acct.txt")), NIC, WeightUnit.BYTES);
        assertThat(flows.get(0)).isEqualTo(new ObservedFlow(Flow.tcp("10.0.0.251", "10.0.0.5", 40112, 5201), 1_382_406_000L));
        assertThat(flows.get(2)).isEqualTo(new ObservedFlow(Flow.udp("10.0.0.253", "10.0.0.5", 33000, 4789), 7_100_000L));
    }

    @Test
    void connectionsTheHostOpenedAreReceivedInTheReplyDirection() {
        List<ObservedFlow> flows = ConntrackFlows.received(
                ConntrackFlows.parse(Fixtures.read("linux/conntrack-documented/proc-net-nf_conntrack-acct.txt")), NIC, WeightUnit.PACKETS);
        assertThat(flows).contains(new ObservedFlow(Flow.tcp("100.100.2.136", "10.0.0.5", 443, 45678), 55));
    }

    @Test
    void icmpIsHashedOnTheAddressesAndIpv6InFullFormParses() {
        List<ObservedFlow> flows = ConntrackFlows.received(
                ConntrackFlows.parse(Fixtures.read("linux/conntrack-documented/proc-net-nf_conntrack-acct.txt")), NIC, WeightUnit.PACKETS);
        assertThat(flows).contains(new ObservedFlow(Flow.addressesOnly("10.0.0.251", "10.0.0.5"), 3),
                new ObservedFlow(Flow.tcp("fd00::fb", "fd00::5", 40200, 5201), 300));
    }

    @Test
    void flowsNotReceivedOnTheNicAreLeftOut() {
        List<ConntrackFlows.Entry> entries = ConntrackFlows.parse(
                Fixtures.read("linux/conntrack-documented/proc-net-nf_conntrack-acct.txt"));
        assertThat(entries).hasSize(7);
        assertThat(ConntrackFlows.received(entries, NIC, WeightUnit.BYTES)).hasSize(6);
    }

    @Test
    void withoutAccountingEveryFlowWeighsOneAndTheListingSaysSo() {
        List<ConntrackFlows.Entry> entries = ConntrackFlows.parse(
                Fixtures.read("linux/conntrack-documented/conntrack-L-o-extended-noacct.txt"));
        assertThat(ConntrackFlows.accounted(entries)).isFalse();
        assertThat(ConntrackFlows.received(entries, NIC, WeightUnit.BYTES)).extracting(ObservedFlow::weight)
                .containsExactly(1L, 1L, 1L);
        assertThat(ConntrackFlows.accounted(ConntrackFlows.parse(
                Fixtures.read("linux/conntrack-documented/proc-net-nf_conntrack-acct.txt")))).isTrue();
    }

    private static final String CAPTURED = "linux/conntrack-6.18-netns-captured/";

    private static List<ObservedFlow> captured(String file, WeightUnit unit) {
        return ConntrackFlows.received(ConntrackFlows.parse(Fixtures.read(CAPTURED + file)), NIC, unit);
    }

    @Test
    void aCapturedListingGivesTheElephantTheMiceUdpIpv6AndTheConnectionTheHostOpened() {
        List<ObservedFlow> flows = captured("proc-net-nf_conntrack-acct.txt", WeightUnit.BYTES);
        assertThat(flows).hasSize(8).contains(
                new ObservedFlow(Flow.tcp("10.0.0.251", "10.0.0.5", 33205, 5201), 20_023_212L),
                new ObservedFlow(Flow.udp("10.0.0.251", "10.0.0.5", 33000, 4789), 714_000L),
                new ObservedFlow(Flow.tcp("fd00::fb", "fd00::5", 59523, 5201), 301_088L),
                new ObservedFlow(Flow.tcp("10.0.0.251", "10.0.0.5", 443, 38779), 112L));
        assertThat(ConntrackFlows.accounted(ConntrackFlows.parse(Fixtures.read(CAPTURED + "proc-net-nf_conntrack-acct.txt"))))
                .isTrue();
    }

    @Test
    void theProcFileAndBothConntrackListingsOfOneTableGiveTheSameFlows() {
        List<ObservedFlow> proc = captured("proc-net-nf_conntrack-acct.txt", WeightUnit.PACKETS);
        assertThat(captured("conntrack-L-o-extended-acct.txt", WeightUnit.PACKETS)).containsExactlyInAnyOrderElementsOf(proc);
        assertThat(captured("conntrack-L-acct.txt", WeightUnit.PACKETS)).containsExactlyInAnyOrderElementsOf(proc);
    }

    @Test
    void aCapturedListingWithoutAccountingWeighsEveryFlowOne() {
        List<ConntrackFlows.Entry> entries = ConntrackFlows.parse(Fixtures.read(CAPTURED + "conntrack-L-o-extended-noacct.txt"));
        assertThat(ConntrackFlows.accounted(entries)).isFalse();
        assertThat(ConntrackFlows.received(entries, NIC, WeightUnit.BYTES)).hasSize(8).extracting(ObservedFlow::weight)
                .containsOnly(1L);
        assertThat(captured("proc-net-nf_conntrack-noacct.txt", WeightUnit.BYTES))
                .containsExactlyInAnyOrderElementsOf(captured("conntrack-L-noacct.txt", WeightUnit.BYTES));
    }

    @Test
    void conntracksSummaryLineOnStderrIsNotAnEntry() {
        assertThat(ConntrackFlows.parse(Fixtures.read(CAPTURED + "conntrack-L-stderr.txt"))).isEmpty();
    }
}
