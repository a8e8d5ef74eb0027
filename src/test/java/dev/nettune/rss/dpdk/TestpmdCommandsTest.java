package dev.nettune.rss.dpdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The seed's 64-queue example (ecs.r9i.16xlarge, equal 64, its key) through testpmd. */
class TestpmdCommandsTest {
    static final RssKey SEED_KEY = RssKey.parse(
            "69:e8:7c:56:bf:03:9f:63:d7:c5:e5:96:b3:00:36:93:02:8c:d2:8f:cc:a9:00:65:fd:c8:94:71:5f:fd:c8:de:7a:30:a9:73:b3:33:0c:c6");
    static final IndirectionTable EQUAL_64 = IndirectionTable.equal(128, 64, 0, OptionalInt.of(64));
    static final DpdkRssConfig SEED = new DpdkRssConfig(0, SEED_KEY, EQUAL_64, 64);

    @Test
    void keyCommandTakesTheKeyAsOneRunOfHexDigits() {
        assertThat(new TestpmdCommands(SEED).keyCommand()).isEqualTo(
                "port config 0 rss-hash-key ipv4-tcp 69e87c56bf039f63d7c5e596b3003693028cd28fcca90065fdc894715ffdc8de7a30a973b3330cc6");
    }

    @Test
    void tableIsWrittenWithTheNumericPortInLinesOfEightPairs() {
        List<String> lines = new TestpmdCommands(SEED).retaCommands();
        assertThat(lines).hasSize(16);
        assertThat(lines.get(0)).isEqualTo("port config 0 rss reta (0,0),(1,1),(2,2),(3,3),(4,4),(5,5),(6,6),(7,7)");
        assertThat(lines.get(8)).isEqualTo("port config 0 rss reta (64,0),(65,1),(66,2),(67,3),(68,4),(69,5),(70,6),(71,7)");
        assertThat(lines.get(15)).isEqualTo(
                "port config 0 rss reta (120,56),(121,57),(122,58),(123,59),(124,60),(125,61),(126,62),(127,63)");
        assertThat(lines).noneMatch(l -> l.contains(" all "));
    }

    @Test
    void everyRetaListFitsTestpmdsTokenBuffer() {
        IndirectionTable wide = IndirectionTable.of(new int[512]);
        new TestpmdCommands(new DpdkRssConfig(3, SEED_KEY, wide, 64)).retaCommands()
                .forEach(l -> assertThat(l.substring(l.indexOf('(')).length()).isLessThanOrEqualTo(TestpmdCommands.MAX_TOKEN));
    }

    @Test
    void showRetaAsksForAll128EntriesWithTwoFullMasks() {
        assertThat(new TestpmdCommands(SEED).showRetaCommand())
                .isEqualTo("show port 0 rss reta 128 (0xffffffffffffffff,0xffffffffffffffff)");
    }

    @Test
    void scriptStopsConfiguresReadsBackAndRestartsForwarding() {
        String script = new TestpmdCommands(SEED).script();
        assertThat(script).startsWith("stop\nport config 0 rss-hash-key ipv4-tcp ").endsWith(
                "show port 0 rss-hash key\nshow port 0 rss reta 128 (0xffffffffffffffff,0xffffffffffffffff)\nstart\n");
        assertThat(script.lines()).hasSize(1 + 1 + 16 + 2 + 1);
    }

    @Test
    void launchCommandMatchesTheSeedsReceiveOnlyRun() {
        assertThat(new TestpmdCommands(SEED).launchCommand("0000:00:05.0")).isEqualTo(
                "dpdk-testpmd -a 0000:00:05.0 --socket-mem 1024 -- -i --portmask=0x1 --rxq=64 --txq=64 --forward-mode=rxonly");
    }

    @Test
    void seedsFlowLandsInBucket117AndQueue53() {
        int hash = new ToeplitzHash(SEED_KEY).hash(Flow.tcp("10.0.0.251", "10.0.0.1", 18042, 26000));
        assertThat(EQUAL_64.indexOf(hash)).isEqualTo(117);
        assertThat(EQUAL_64.queueOf(hash)).isEqualTo(53);
    }

    @Test
    void tableReachingPastTheConfiguredQueuesIsRejected() {
        assertThatThrownBy(() -> new DpdkRssConfig(0, SEED_KEY, EQUAL_64, 32))
                .isInstanceOf(RssInputException.class)
                .hasMessageContaining("queue 63").hasMessageContaining("--rxq=64");
    }

    @Test
    void tableThatIsNotWholeGroupsOf64IsRejected() {
        assertThatThrownBy(() -> new DpdkRssConfig(0, SEED_KEY, IndirectionTable.of(new int[100]), 4))
                .hasMessageContaining("multiple of 64");
    }

    @Test
    void unknownFlowTypeIsRejectedWithTheAllowedList() {
        assertThatThrownBy(() -> new TestpmdCommands(SEED, "tcp4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ipv4-tcp");
    }

    @Test
    void malformedPciAddressIsRejected() {
        assertThatThrownBy(() -> new TestpmdCommands(SEED).launchCommand("00:05.0; rm -rf /"))
                .hasMessageContaining("0000:00:05.0");
    }
}
