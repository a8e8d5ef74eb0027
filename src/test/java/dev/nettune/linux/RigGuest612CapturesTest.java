package dev.nettune.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import dev.nettune.rss.ToeplitzHash;
import dev.nettune.testing.Fixtures;
import dev.nettune.testing.InjectedFlows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The capture from the rig's 6.12 guest (fixtures/linux/virtio_net-6.12-rig-shifted-key): its device hashes with the
 * key shifted by one byte while {@code ethtool -x} shows the key that was set, and its {@code ethtool -S} has no
 * per-queue packets; the parsers read it unchanged.
 */
class RigGuest612CapturesTest {
    private static final String DIR = "linux/virtio_net-6.12-rig-shifted-key/";
    private static final RssKey KEY = RssKey.parse(
            "d9:da:8d:08:f0:7d:a8:7c:e8:09:6a:d5:79:cf:13:c4:47:0e:0d:98:1a:1a:d4:30:1e:66:97:03:a5:8b:f1:f7:6b:02:63:e9:b3:02:ec:c5");
    private static final Pattern QEMU_HASH = Pattern.compile("net_rx_pkt_rss_hash RSS hash for 12 bytes: 0x([0-9A-Fa-f]+)");

    /** 00 + the first 39 bytes: what the device hashes with. */
    private static RssKey shifted(RssKey key) {
        byte[] s = new byte[key.length()];
        System.arraycopy(key.bytes(), 0, s, 1, key.length() - 1);
        return RssKey.of(s);
    }

    /** QEMU's hash of every injected frame. */
    private static List<Integer> qemuHashes() {
        List<Integer> out = new ArrayList<>();
        Matcher m = QEMU_HASH.matcher(Fixtures.read(DIR + "qemu-trace-rss.txt"));
        while (m.find()) {
            out.add(Integer.parseUnsignedInt(m.group(1), 16));
        }
        return out;
    }

    /** The injected frames' flows, one entry per frame. */
    private static List<Flow> injectedFrames() {
        List<Flow> frames = new ArrayList<>();
        for (InjectedFlows.Line l : InjectedFlows.parse(Fixtures.read(DIR + "injected-flows.txt")).lines()) {
            for (int i = 0; i < l.frames(); i++) {
                frames.add(l.flow());
            }
        }
        return frames;
    }

    @Test
    void ethtoolXShowsTheKeyAndWeightTableThatWereSet() {
        EthtoolRss rss = EthtoolRssParser.parse(Fixtures.read(DIR + "ethtool-x.txt"));

        assertThat(rss.key()).contains(KEY);
        assertThat(rss.table()).contains(TableSpec.parse("weight 1 2 3 2").build(128, OptionalInt.of(4)));
    }

    @Test
    void qemuHashedTheInjectedFramesWithTheKeyShiftedByOneByteAndNeverWithTheKeyShown() {
        List<Integer> hashes = qemuHashes();
        ToeplitzHash device = new ToeplitzHash(shifted(KEY));
        ToeplitzHash shown = new ToeplitzHash(KEY);
        List<Flow> frames = injectedFrames();

        // QEMU's log does not keep inject.py's order of frames, so the hashes are compared as a multiset.
        assertThat(hashes).hasSize(72).containsExactlyInAnyOrderElementsOf(frames.stream().map(device::hash).toList());
        assertThat(hashes).doesNotContainAnyElementsOf(frames.stream().map(shown::hash).toList());
    }

    @Test
    void theTracedHping3FlowsLandWhereTheShiftedKeyPredictsAndMostlyNotWhereTheShownKeyDoes() {
        IndirectionTable table = EthtoolRssParser.parse(Fixtures.read(DIR + "ethtool-x.txt")).table().orElseThrow();
        ToeplitzHash device = new ToeplitzHash(shifted(KEY));
        ToeplitzHash shown = new ToeplitzHash(KEY);
        int traced = 0;
        int asShown = 0;
        for (RxTraceLine l : RxTraceLine.parseAll(Fixtures.read(DIR + "trace.txt"))) {
            if (!l.ip()) {
                continue; // the ARP reply
            }
            // hping3 -s 2000N -d 15+N: the IP packet is 20 + 20 + payload bytes long.
            Flow f = Flow.tcp("198.18.0.1", "198.18.0.2", 20000 + l.length() - 55, 80);
            assertThat(l.queue()).as(f.toString()).isEqualTo(table.queueOf(device.hash(f)));
            asShown += l.queue() == table.queueOf(shown.hash(f)) ? 1 : 0;
            traced++;
        }
        assertThat(traced).isEqualTo(24);
        assertThat(asShown).as("packets on the queue the shown key predicts").isLessThan(traced / 2);
    }

    @Test
    void ethtoolStatsOfSixTwelveHaveNoPerQueuePacketCounters() {
        QueueCounters c = EthtoolStatsParser.parse("virtio_net", Fixtures.read(DIR + "ethtool-S.txt"));

        assertThat(c.rx()).isEmpty();
        assertThat(Fixtures.read(DIR + "ethtool-S.txt")).contains("rx3_kicks").doesNotContain("rx_queue_0_packets");
    }

    @Test
    void theInputInterruptsStillNameEachQueueAndCountedTheInjectedFrames() {
        String dev = Fixtures.read(DIR + "readlink-device.txt").strip();
        Optional<String> virtio = Optional.of(dev.substring(dev.lastIndexOf('/') + 1));
        List<QueueIrq> before = QueueIrqs.find(ProcInterrupts.parse(Fixtures.read(DIR + "proc-interrupts-before.txt")),
                "virtio_net", "eth0", "0000:00:03.0", virtio);
        List<QueueIrq> after = QueueIrqs.find(ProcInterrupts.parse(Fixtures.read(DIR + "proc-interrupts.txt")),
                "virtio_net", "eth0", "0000:00:03.0", virtio);

        assertThat(after).filteredOn(QueueIrq::servesRx).extracting(QueueIrq::irq).containsExactly(25, 27, 29, 31);
        long raised = QueueIrqs.asCounters(after).rx().stream().mapToLong(QueueCount::packets).sum()
                - QueueIrqs.asCounters(before).rx().stream().mapToLong(QueueCount::packets).sum();
        assertThat(raised).as("NAPI folds the 72 back-to-back frames into a few interrupts").isPositive().isLessThan(72);
    }
}
