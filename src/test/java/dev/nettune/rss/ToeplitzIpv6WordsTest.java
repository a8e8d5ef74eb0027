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

    @Test
    void theDestinationHoistedPathHashesEveryFlowAsTheFullOneDoes() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        for (int k = 0; k < 50; k++) {
            byte[] key = new byte[40];
            r.nextBytes(key);
            ToeplitzHash h = new ToeplitzHash(RssKey.of(key));
            int d0 = r.nextInt();
            int d1 = r.nextInt();
            int d2 = r.nextInt();
            int d3 = r.nextInt();
            int destination = h.ipv6Destination(d0, d1, d2, d3);
            for (int i = 0; i < 100; i++) {
                int s0 = r.nextInt();
                int s1 = r.nextInt();
                int s2 = r.nextInt();
                int s3 = r.nextInt();
                int sport = r.nextInt(65536);
                int dport = r.nextInt(65536);
                assertThat(h.hashIpv6(s0, s1, s2, s3, destination, sport, dport))
                        .isEqualTo(h.hashIpv6(s0, s1, s2, s3, d0, d1, d2, d3, sport, dport));
            }
        }
        // And against the reference through a published vector: the split path gives 0x40207d3d too.
        Flow f = Flow.tcp("3ffe:2501:200:1fff::7", "3ffe:2501:200:3::1", 2794, 1766);
        ByteBuffer s = ByteBuffer.wrap(f.source().bytes());
        ByteBuffer d = ByteBuffer.wrap(f.destination().bytes());
        ToeplitzHash h = new ToeplitzHash(RssKey.MICROSOFT);
        assertThat(h.hashIpv6(s.getInt(0), s.getInt(4), s.getInt(8), s.getInt(12),
                h.ipv6Destination(d.getInt(0), d.getInt(4), d.getInt(8), d.getInt(12)), 2794, 1766)).isEqualTo(0x40207d3d);
    }

    @Test
    void theIpv4DestinationHoistedPathHashesAsTheFullOneAndThePublishedVector() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int k = 0; k < 50; k++) {
            byte[] key = new byte[40];
            r.nextBytes(key);
            ToeplitzHash h = new ToeplitzHash(RssKey.of(key));
            int dst = r.nextInt();
            int part = h.ipv4Destination(dst);
            for (int i = 0; i < 100; i++) {
                int src = r.nextInt();
                int sport = r.nextInt(65536);
                int dport = r.nextInt(65536);
                assertThat(h.hashIpv4ToDestination(src, part, sport, dport)).isEqualTo(h.hashIpv4(src, dst, sport, dport));
            }
        }
        Flow f = Flow.tcp("66.9.149.187", "161.142.100.80", 2794, 1766);
        ToeplitzHash h = new ToeplitzHash(RssKey.MICROSOFT);
        assertThat(h.hashIpv4ToDestination(f.source().ipv4AsInt(), h.ipv4Destination(f.destination().ipv4AsInt()), 2794, 1766))
                .isEqualTo(0x51ccc178);
    }
}
