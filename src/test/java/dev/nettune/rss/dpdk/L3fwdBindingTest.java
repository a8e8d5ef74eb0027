package dev.nettune.rss.dpdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class L3fwdBindingTest {

    @Test
    void seedsTwoQueueTwoCoreExampleIsReproduced() {
        L3fwdBinding b = L3fwdBinding.roundRobin(0, 2, List.of(0, 1));
        assertThat(b.configArgument()).isEqualTo("(0,0,0),(0,1,1)");
        assertThat(b.commandLine("0000:00:05.0")).isEqualTo(
                "./dpdk-l3fwd -l 0-1 --legacy-mem -a 0000:00:05.0 --socket-mem 1024 -- -p 0x1 --config=\"(0,0,0),(0,1,1)\" --parse-ptype");
    }

    @Test
    void sixtyFourQueuesDealtToSixteenLcoresGivesEachFourQueues() {
        L3fwdBinding b = L3fwdBinding.roundRobin(0, 64, L3fwdBinding.parseLcores("1-16"));
        assertThat(b.queueCount()).isEqualTo(64);
        assertThat(b.configArgument()).startsWith("(0,0,1),(0,1,2),").endsWith(",(0,62,15),(0,63,16)");
        assertThat(b.lcoreList()).isEqualTo("1-16");
    }

    @Test
    void lcoreListCompressesRanges() {
        assertThat(L3fwdBinding.roundRobin(0, 4, List.of(0, 1, 2, 8)).lcoreList()).isEqualTo("0-2,8");
    }

    @Test
    void moreLcoresThanQueuesIsRejected() {
        assertThatThrownBy(() -> L3fwdBinding.roundRobin(0, 2, List.of(0, 1, 2)))
                .hasMessageContaining("would poll nothing");
    }

    @Test
    void anLcoreWithMoreThanSixteenQueuesIsRejected() {
        assertThatThrownBy(() -> L3fwdBinding.roundRobin(0, 64, List.of(0, 1, 2)))
                .hasMessageContaining("more than 16 queues");
    }

    @Test
    void aGapInTheQueueSequenceIsRejected() {
        assertThatThrownBy(() -> new L3fwdBinding(0, List.of(new L3fwdBinding.Assignment(0, 0), new L3fwdBinding.Assignment(2, 1))))
                .hasMessageContaining("Queue 1 has no lcore");
    }

    @Test
    void aQueueBoundTwiceIsRejected() {
        assertThatThrownBy(() -> new L3fwdBinding(0, List.of(new L3fwdBinding.Assignment(0, 0), new L3fwdBinding.Assignment(0, 1))))
                .hasMessageContaining("bound twice");
    }

    @Test
    void lcoreListTextThatIsNotARangeIsRejected() {
        assertThatThrownBy(() -> L3fwdBinding.parseLcores("0-3;reboot")).hasMessageContaining("0-3,8");
    }

    @Test
    void anLcoreListTypoIsSaidInChinese() {
        assertThatThrownBy(() -> L3fwdBinding.parseLcores("0-3;reboot"))
                .isInstanceOf(dev.nettune.InputException.class)
                .satisfies(e -> assertThat(dev.nettune.Phrase.describe(e, java.util.Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("lcore 列表中的 '0-3;reboot' 既不是编号也不是范围：请写成例如 0-3,8。"));
    }

    @Test
    void aTableBeyondThePortsQueuesIsSaidInChinese() {
        assertThatThrownBy(() -> new DpdkRssConfig(0, dev.nettune.rss.RssKey.MICROSOFT,
                dev.nettune.rss.IndirectionTable.defaultFor(128, 4), 2))
                .satisfies(e -> assertThat(dev.nettune.Phrase.describe(e, java.util.Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("间接表把流量发往队列 3，但端口只配置了 2 个接收队列（0-1）：请用 --rxq=4 或更多启动它，或重新填充间接表。"));
    }
}
