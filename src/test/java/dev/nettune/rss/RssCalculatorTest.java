package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RssCalculatorTest {

    private final RssCalculator calculator = new RssCalculator(RssKey.MICROSOFT, TableSpec.equal(4).build(OptionalInt.empty()));

    @Test
    void givesHashBucketAndQueueOfAFlow() {
        // Microsoft's vector: 0x51ccc178; 0x51ccc178 mod 128 = 0x78 = 120; 120 mod 4 = 0.
        FlowResult r = calculator.calculate(Flow.tcp("66.9.149.187", "161.142.100.80", 2794, 1766));
        assertThat(r.hash()).isEqualTo(0x51ccc178);
        assertThat(r.hashHex()).isEqualTo("0x51ccc178");
        assertThat(r.hashUnsigned()).isEqualTo(0x51ccc178L);
        assertThat(r.index()).isEqualTo(120);
        assertThat(r.queue()).isZero();
    }

    @Test
    void indexIsTheUnsignedHashModuloTheTableSize() {
        // 0xc626b0ea has the top bit set: the index must come from the unsigned value.
        FlowResult r = calculator.calculate(Flow.tcp("199.92.111.2", "65.69.140.83", 14230, 4739));
        assertThat(r.hash()).isEqualTo(0xc626b0ea);
        assertThat(r.index()).isEqualTo((int) (0xc626b0eaL % 128));
        assertThat(r.queue()).isEqualTo(r.index() % 4);
    }

    @Test
    void nonIpGoesToQueueZeroUnhashed() {
        FlowResult r = calculator.calculate(new Flow(null, null, 0, 0, Protocol.NON_IP));
        assertThat(r.hashed()).isFalse();
        assertThat(r.index()).isEqualTo(FlowResult.NO_BUCKET);
        assertThat(r.queue()).isZero();
    }

    @Test
    void icmpHashesTheAddressesOnly() {
        FlowResult r = calculator.calculate(Flow.addressesOnly("66.9.149.187", "161.142.100.80"));
        assertThat(r.hash()).isEqualTo(0x323e8fc2);
    }

    @Test
    void calculatesManyFlowsInOrder() {
        List<FlowResult> rs = calculator.calculateAll(List.of(
                Flow.tcp("66.9.149.187", "161.142.100.80", 2794, 1766),
                Flow.addressesOnly("66.9.149.187", "161.142.100.80")));
        assertThat(rs).extracting(FlowResult::hash).containsExactly(0x51ccc178, 0x323e8fc2);
    }

    @Test
    void sizeThatIsNotAPowerOfTwoUsesTheRemainder() {
        RssCalculator c = calculator.withTable(TableSpec.equal(3).build(100, OptionalInt.empty()));
        FlowResult r = c.calculate(Flow.tcp("66.9.149.187", "161.142.100.80", 2794, 1766));
        assertThat(r.index()).isEqualTo((int) (0x51ccc178L % 100));
        assertThat(r.queue()).isEqualTo(r.index() % 3);
    }
}
