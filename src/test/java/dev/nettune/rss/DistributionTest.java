package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DistributionTest {

    private final RssCalculator equal4 = new RssCalculator(RssKey.MICROSOFT, TableSpec.equal(4).build(OptionalInt.of(4)));

    @Test
    void hpingScenarioCountsEveryPacketOnceAndMatchesHashingEachFlow() {
        FlowPopulation.Hping h = FlowPopulation.Hping.randomDestinationPorts("10.0.0.252", "10.0.0.5", 10_000, 10_000, 1);
        Distribution d = Distribution.of(equal4, h);
        assertThat(d.flows()).isEqualTo(10_000);
        // Same population flow by flow, the slow way: sport = base + i, dport as the scenario draws it.
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        long[] perQueue = new long[4];
        for (int i = 0; i < 10_000; i++) {
            int dport = r.nextInt() >>> 16;
            perQueue[equal4.calculate(Flow.tcp("10.0.0.252", "10.0.0.5", 10_000 + i, dport)).queue()]++;
        }
        assertThat(d.queueFlows()).containsExactly(perQueue);
    }

    @Test
    void hpingSourcePortWrapsAt65536() {
        FlowPopulation.Hping h = new FlowPopulation.Hping(IpAddress.parse("10.0.0.252"), IpAddress.parse("10.0.0.5"),
                3, 65535, OptionalInt.of(80), Protocol.TCP, 0);
        Distribution d = Distribution.of(equal4, h);
        long[] expected = new long[128];
        for (int sport : new int[] {65535, 0, 1}) {
            expected[equal4.calculate(Flow.tcp("10.0.0.252", "10.0.0.5", sport, 80)).index()]++;
        }
        assertThat(d.bucketFlows()).containsExactly(expected);
    }

    @Test
    void ipv6HpingScenarioMatchesHashingEachFlow() {
        FlowPopulation.Hping h = new FlowPopulation.Hping(IpAddress.parse("fd00::252"), IpAddress.parse("fd00::5"),
                500, 1000, OptionalInt.of(443), Protocol.UDP, 0);
        Distribution d = Distribution.of(equal4, h);
        long[] expected = new long[128];
        for (int i = 0; i < 500; i++) {
            expected[equal4.calculate(Flow.udp("fd00::252", "fd00::5", 1000 + i, 443)).index()]++;
        }
        assertThat(d.bucketFlows()).containsExactly(expected);
    }

    @Test
    void expectedShareIsTheQueuesBucketCountOverTheTableSize() {
        RssCalculator weighted = equal4.withTable(TableSpec.parse("weight 6 4").build(OptionalInt.of(2)));
        Distribution d = Distribution.of(weighted, FlowPopulation.Hping.randomDestinationPorts("10.0.0.252", "10.0.0.5", 1000, 10_000, 3));
        assertThat(d.queues()).extracting(Distribution.QueueLoad::expectedShare).containsExactly(76 / 128.0, 52 / 128.0);
        assertThat(d.queues()).extracting(Distribution.QueueLoad::buckets).containsExactly(76, 52);
        assertThat(d.queues().get(0).flows() + d.queues().get(1).flows()).isEqualTo(1000);
    }

    @Test
    void aMillionRandomFlowsLookUniformToTheChiSquareTest() {
        Distribution d = Distribution.of(equal4, FlowPopulation.Hping.randomDestinationPorts("10.0.0.252", "10.0.0.5", 1_000_000, 10_000, 5));
        assertThat(d.queueChiSquare().degreesOfFreedom()).isEqualTo(3);
        assertThat(d.bucketChiSquare().degreesOfFreedom()).isEqualTo(127);
        assertThat(d.bucketChiSquare().pValue()).isGreaterThan(0.001);
        for (Distribution.QueueLoad q : d.queues()) {
            assertThat(q.share()).isCloseTo(0.25, within(0.005));
        }
    }

    @Test
    void oneFlowRepeatedFailsTheChiSquareTest() {
        // Scenario 2 of the seed (--keep): every packet the same flow, so one queue gets them all.
        Distribution d = Distribution.of(equal4, sameFlow(10_000));
        assertThat(d.queueChiSquare().pValue()).isLessThan(1e-9);
        assertThat(d.queueFlows()).containsOnlyOnce(10_000L);
    }

    private static FlowPopulation sameFlow(int n) {
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            flows.add(Flow.tcp("10.0.0.252", "10.0.0.5", 12345, 80));
        }
        return new FlowPopulation.FlowList(flows);
    }

    @Test
    void portSweepCoversEveryPortOfTheRange() {
        Flow template = Flow.tcp("10.0.0.252", "10.0.0.5", 0, 80);
        Distribution d = Distribution.of(equal4, new FlowPopulation.PortSweep(template, PortSide.SOURCE, 1024, 2047));
        long[] expected = new long[4];
        for (int p = 1024; p <= 2047; p++) {
            expected[equal4.calculate(PortSide.SOURCE.withPort(template, p)).queue()]++;
        }
        assertThat(d.flows()).isEqualTo(1024);
        assertThat(d.queueFlows()).containsExactly(expected);
    }

    @Test
    void destinationPortSweepOfIpv6MatchesHashingEachFlow() {
        Flow template = Flow.udp("2001:db8::1", "2001:db8::2", 5000, 0);
        Distribution d = Distribution.of(equal4, new FlowPopulation.PortSweep(template, PortSide.DESTINATION, 0, 999));
        long[] expected = new long[128];
        for (int p = 0; p <= 999; p++) {
            expected[equal4.calculate(PortSide.DESTINATION.withPort(template, p)).index()]++;
        }
        assertThat(d.bucketFlows()).containsExactly(expected);
    }

    @Test
    void nonIpFlowsCountForQueueZeroAndNoBucket() {
        Distribution d = Distribution.of(equal4, new FlowPopulation.FlowList(List.of(
                new Flow(null, null, 0, 0, Protocol.NON_IP), new Flow(null, null, 0, 0, Protocol.NON_IP))));
        assertThat(d.unhashedFlows()).isEqualTo(2);
        assertThat(d.hashedFlows()).isZero();
        assertThat(d.queueFlows(0)).isEqualTo(2);
    }

    @Test
    void backwardsRangeIsRejected() {
        assertThatThrownBy(() -> new FlowPopulation.PortSweep(Flow.tcp("10.0.0.1", "10.0.0.2", 0, 0), PortSide.SOURCE, 2000, 1000))
                .isInstanceOf(RssInputException.class)
                .hasMessage("The port range 2000-1000 is backwards: give the lower port first.");
    }

    @Test
    void zeroPacketsAreRejected() {
        assertThatThrownBy(() -> FlowPopulation.Hping.randomDestinationPorts("10.0.0.252", "10.0.0.5", 0, 10_000, 1))
                .isInstanceOf(RssInputException.class).hasMessage("The packet count is 0: send at least 1 packet.");
    }

    @Test
    void counterFedOneFlowAtATimeGivesTheSameDistributionAsTheWholeList() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        List<Flow> flows = new ArrayList<>();
        Distribution.Counter counter = new Distribution.Counter(equal4);
        for (int i = 0; i < 5_000; i++) {
            Flow f = switch (i % 3) {
                case 0 -> Flow.tcp("10.0." + r.nextInt(256) + ".1", "10.0.0.5", r.nextInt(65536), 80);
                case 1 -> Flow.tcp("fd00::" + Integer.toHexString(r.nextInt(65536)), "fd00::5", r.nextInt(65536), 443);
                default -> new Flow(IpAddress.parse("10.1.0." + r.nextInt(256)), IpAddress.parse("10.0.0.5"), 0, 0, Protocol.ICMP);
            };
            flows.add(f);
            if (f.isIpv4() && f.protocol().hashesPorts()) {
                counter.addIpv4(f.source().ipv4AsInt(), f.destination().ipv4AsInt(), f.sourcePort(), f.destinationPort());
            } else {
                counter.add(f);
            }
        }
        Distribution whole = Distribution.of(equal4, new FlowPopulation.FlowList(flows));
        Distribution streamed = counter.result();
        assertThat(counter.count()).isEqualTo(5_000);
        assertThat(streamed.bucketFlows()).containsExactly(whole.bucketFlows());
        assertThat(streamed.queueFlows()).containsExactly(whole.queueFlows());
    }

    @Test
    void countsEveryRandomIpv4AndIpv6FlowInTheBucketTheBitByBitReferenceGives() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(21);
        byte[] key = new byte[40];
        r.nextBytes(key);
        RssCalculator calc = new RssCalculator(RssKey.of(key), TableSpec.equal(4).build(OptionalInt.of(4)));
        Distribution.Counter counter = new Distribution.Counter(calc);
        long[] expected = new long[calc.table().size()];
        String[] destinations4 = {"10.0.0.5", "10.0.0.6"};
        String[] destinations6 = {"fd00::5", "2001:db8:ffff::1"};
        for (int i = 0; i < 4_000; i++) {
            // Runs of one destination, then another: the fast paths keep a destination's part while it repeats.
            int d = (i / 500) % 2;
            Flow f = i % 2 == 0
                    ? Flow.udp(r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256),
                            destinations4[d], r.nextInt(65536), r.nextInt(65536))
                    : Flow.tcp(Integer.toHexString(r.nextInt(65536)) + ":" + Integer.toHexString(r.nextInt(65536)) + "::"
                            + Integer.toHexString(r.nextInt(65536)) + ":" + Integer.toHexString(r.nextInt(65536)),
                            destinations6[d], r.nextInt(65536), r.nextInt(65536));
            counter.add(f);
            expected[Integer.remainderUnsigned(ReferenceToeplitz.hash(calc.key(), f), expected.length)]++;
        }
        assertThat(counter.result().bucketFlows()).containsExactly(expected);
    }
}
