package dev.nettune.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import dev.nettune.testing.Fixtures;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EthtoolRssParserTest {

    private static final String FOUR_QUEUES = "linux/virtio_net-6.1-qemu-4q/ethtool-x.txt";
    private static final String NOT_SUPPORTED = "linux/virtio_net-6.18-1q/ethtool-x.txt";

    @Test
    void readsTheTableKeyRingsAndFunctionOfA4QueueVirtioNic() {
        EthtoolRss rss = EthtoolRssParser.parse(Fixtures.read(FOUR_QUEUES));
        assertThat(rss.nic()).isEqualTo("eth0");
        assertThat(rss.ringCount()).hasValue(4);
        assertThat(rss.table()).contains(TableSpec.equal(4).build(OptionalInt.empty()));
        assertThat(rss.key()).contains(RssKey.MICROSOFT);
        assertThat(rss.activeHashFunction()).contains("toeplitz");
    }

    @Test
    void printsTheFixtureBackByteForByte() {
        String captured = Fixtures.read(FOUR_QUEUES);
        EthtoolRss rss = EthtoolRssParser.parse(captured);
        String printed = EthtoolRssParser.format(rss.nic(), rss.ringCount().getAsInt(), rss.table().orElseThrow(),
                rss.key().orElseThrow(), rss.activeHashFunction().orElseThrow());
        assertThat(printed).isEqualTo(captured);
    }

    @Test
    void unsupportedTableAndKeyAreReportedNotFailed() {
        EthtoolRss rss = EthtoolRssParser.parse(Fixtures.read(NOT_SUPPORTED));
        assertThat(rss.ringCount()).hasValue(1);
        assertThat(rss.table()).isEmpty();
        assertThat(rss.tableProblem()).contains("Operation not supported");
        assertThat(rss.key()).isEmpty();
        assertThat(rss.keyProblem()).contains("Operation not supported");
        assertThat(rss.supportsCustomTable()).isFalse();
        assertThat(rss.activeHashFunction()).contains("toeplitz");
    }

    @Test
    void otherTextIsNotEthtoolOutput() {
        assertThatThrownBy(() -> EthtoolRssParser.parse("Cannot get RX rings: Operation not supported"))
                .isInstanceOf(LinuxParseException.class)
                .hasMessageContaining("expected 'RX flow hash indirection table for ...'");
    }

    @Test
    void tablesOfOtherSizesRoundTrip() {
        IndirectionTable t = TableSpec.parse("start 1 weight 3 1").build(64, OptionalInt.of(3));
        String printed = EthtoolRssParser.format("eth1", 3, t, RssKey.symmetric(40), "toeplitz");
        EthtoolRss back = EthtoolRssParser.parse(printed);
        assertThat(back.table()).contains(t);
        assertThat(back.key()).contains(RssKey.symmetric(40));
    }
}
