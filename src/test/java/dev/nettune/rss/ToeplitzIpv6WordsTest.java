package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ToeplitzIpv6WordsTest {
    @Test
    void theIpv6WordPathHashesAsTheFlowPathDoes() {
        Flow f = Flow.tcp("3ffe:2501:200:1fff::7", "3ffe:2501:200:3::1", 2794, 1766);
        ByteBuffer s = ByteBuffer.wrap(f.source().bytes());
        ByteBuffer d = ByteBuffer.wrap(f.destination().bytes());
        ToeplitzHash h = new ToeplitzHash(RssKey.MICROSOFT);
        assertThat(h.hashIpv6(s.getInt(0), s.getInt(4), s.getInt(8), s.getInt(12), d.getInt(0), d.getInt(4), d.getInt(8),
                d.getInt(12), 2794, 1766)).isEqualTo(h.hash(f)).isEqualTo(0x40207d3d);
    }
}
