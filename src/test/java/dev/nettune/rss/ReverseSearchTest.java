package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReverseSearchTest {

    private final RssCalculator calc = new RssCalculator(RssKey.MICROSOFT, TableSpec.equal(4).build(OptionalInt.of(4)));
    private final Flow template = Flow.tcp("10.0.0.252", "10.0.0.5", 0, 80);

    @Test
    void findsExactlyTheSourcePortsThatLandOnTheQueue() {
        ReverseSearch.Result r = ReverseSearch.ports(calc, template, PortSide.SOURCE, 10_000, 10_999, FlowTarget.queue(2));
        List<Integer> expected = new ArrayList<>();
        for (int p = 10_000; p <= 10_999; p++) {
            if (calc.calculate(PortSide.SOURCE.withPort(template, p)).queue() == 2) {
                expected.add(p);
            }
        }
        assertThat(r.ports()).isEqualTo(expected).isNotEmpty();
        assertThat(r.scanned()).isEqualTo(1000);
    }

    @Test
    void findsDestinationPortsThatLandInABucket() {
        Flow v6 = Flow.udp("fd00::1", "fd00::2", 5353, 0);
        ReverseSearch.Result r = ReverseSearch.ports(calc, v6, PortSide.DESTINATION, 0, 65535, FlowTarget.bucket(117));
        assertThat(r.ports()).isNotEmpty().allSatisfy(p ->
                assertThat(calc.calculate(PortSide.DESTINATION.withPort(v6, p)).index()).isEqualTo(117));
        assertThat(r.ports().size()).isBetween(300, 730);
    }

    @Test
    void queueWithoutBucketsIsRejected() {
        assertThatThrownBy(() -> ReverseSearch.ports(calc, template, PortSide.SOURCE, 0, 10, FlowTarget.queue(7)))
                .isInstanceOf(RssInputException.class)
                .hasMessage("Queue 7 has no bucket in this table, so no flow can reach it; the table uses queues 0, 1, 2, 3.");
    }

    @Test
    void bucketOutsideTheTableIsRejected() {
        assertThatThrownBy(() -> ReverseSearch.ports(calc, template, PortSide.SOURCE, 0, 10, FlowTarget.bucket(128)))
                .isInstanceOf(RssInputException.class).hasMessage("Bucket 128 does not exist: the table has buckets 0-127.");
    }

    @Test
    void icmpHasNoPortsToSearch() {
        assertThatThrownBy(() -> ReverseSearch.ports(calc, Flow.addressesOnly("10.0.0.1", "10.0.0.2"), PortSide.SOURCE, 0, 10,
                FlowTarget.queue(0))).isInstanceOf(RssInputException.class).hasMessageContaining("icmp");
    }

    @Test
    void rangesCompressConsecutivePorts() {
        ReverseSearch.Result r = new ReverseSearch.Result(template, PortSide.SOURCE, FlowTarget.queue(0), 1, 20,
                List.of(1, 2, 3, 5, 7, 8));
        assertThat(r.ranges()).isEqualTo("1-3,5,7-8");
    }
}
