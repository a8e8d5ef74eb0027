package dev.nettune.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import dev.nettune.testing.Fixtures;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The receive tracepoint lines of a real capture (the rig's 6.1 guest, fixtures/linux/virtio_net-6.1-rig-tracefs). */
class RxTraceLineTest {
    private static final String TRACE = Fixtures.read("linux/virtio_net-6.1-rig-tracefs/trace.txt");

    @Test
    void everyEventLineOfTheRigsCaptureIsReadAndTheHeaderIsSkipped() {
        List<RxTraceLine> lines = RxTraceLine.parseAll(TRACE);

        assertThat(lines).hasSize(12);
        assertThat(lines).allMatch(l -> l.event().equals("napi_gro_receive_entry") && l.device().equals("eth0"));
    }

    @Test
    void queueMappingIsTheRxQueuePlusOneAndLenIsTheIpPacket() {
        RxTraceLine first = RxTraceLine.parseAll(TRACE).get(1);

        assertThat(first.queueMapping()).isEqualTo(3);
        assertThat(first.queue()).isEqualTo(2);
        assertThat(first.length()).isEqualTo(20 + 20 + 16);
        assertThat(first.protocol()).isEqualTo(RxTraceLine.IPV4);
        assertThat(first.ip()).isTrue();
    }

    @Test
    void virtioNetPassesNoHashUp() {
        assertThat(RxTraceLine.parseAll(TRACE)).allMatch(l -> l.reportedHash().isEmpty() && !l.l4Hash());
    }

    @Test
    void anArpReplyIsNotAnIpPacket() {
        RxTraceLine arp = RxTraceLine.parseAll(TRACE).get(0);

        assertThat(arp.protocol()).isEqualTo(0x0806);
        assertThat(arp.ip()).isFalse();
    }

    @Test
    void eachCapturedFlowLandedOnTheQueueToeplitzWithTheLiveKeyAndTablePredicts() {
        // The capture's README: Microsoft key, equal 4; hping3 flows 2000N with payload 15 + N, bare SYNs from port 20010.
        ToeplitzHash h = new ToeplitzHash(RssKey.MICROSOFT);
        IndirectionTable t = IndirectionTable.equal(128, 4, 0, OptionalInt.of(4));
        for (RxTraceLine l : RxTraceLine.parseAll(TRACE)) {
            if (!l.ip()) {
                continue;
            }
            int sport = l.length() == 40 ? 20010 : 20001 + (l.length() - 56);
            int predicted = t.queueOf(h.hash(Flow.tcp("198.18.0.1", "198.18.0.2", sport, 80)));
            assertThat(l.queue()).as("port " + sport).isEqualTo(predicted);
        }
    }

    @Test
    void theHeaderSaysWhenTheRingBufferOverwroteEvents() {
        assertThat(RxTraceLine.overwritten(TRACE)).isZero();
        assertThat(RxTraceLine.overwritten("# tracer: nop\n#\n# entries-in-buffer/entries-written: 100/130   #P:4\n")).isEqualTo(30);
    }

    @Test
    void aLineOfAnotherEventLayoutIsSkipped() {
        assertThat(RxTraceLine.parse("  <idle>-0  [001] ..s1.  21.6: net_dev_xmit: dev=eth0 skbaddr=0000 len=54 rc=0")).isEmpty();
    }
}
