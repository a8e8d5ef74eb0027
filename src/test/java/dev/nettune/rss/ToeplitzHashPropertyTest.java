package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToeplitzHashPropertyTest {

    private static final Protocol[] PROTOCOLS = {Protocol.TCP, Protocol.UDP, Protocol.ICMP};

    static Flow randomFlow(Random r, boolean ipv6) {
        byte[] s = new byte[ipv6 ? 16 : 4];
        byte[] d = new byte[ipv6 ? 16 : 4];
        r.nextBytes(s);
        r.nextBytes(d);
        return new Flow(IpAddress.of(s), IpAddress.of(d), r.nextInt(65536), r.nextInt(65536),
                PROTOCOLS[r.nextInt(PROTOCOLS.length)]);
    }

    @ParameterizedTest(name = "key of {0} bytes")
    @ValueSource(ints = {4, 16, 40, 52})
    void tableDrivenHashEqualsTheBitByBitReferenceOnRandomKeysAndFlows(int keyLength) {
        Random r = new Random(0x5eed + keyLength);
        for (int k = 0; k < 200; k++) {
            byte[] kb = new byte[keyLength];
            r.nextBytes(kb);
            RssKey key = RssKey.of(kb);
            ToeplitzHash hash = new ToeplitzHash(key);
            for (int f = 0; f < 25; f++) {
                Flow flow = randomFlow(r, r.nextBoolean());
                assertThat(hash.hash(flow)).as("%s with key %s", flow, key).isEqualTo(ReferenceToeplitz.hash(key, flow));
            }
        }
    }

    @Test
    void ipv4IntPathAndPortContributionEqualTheReference() {
        Random r = new Random(42);
        for (int k = 0; k < 500; k++) {
            byte[] kb = new byte[40];
            r.nextBytes(kb);
            RssKey key = RssKey.of(kb);
            ToeplitzHash hash = new ToeplitzHash(key);
            Flow v4 = Flow.tcp("10.1.2.3", "192.168.7.9", r.nextInt(65536), r.nextInt(65536));
            v4 = new Flow(IpAddress.ofIpv4(r.nextInt()), IpAddress.ofIpv4(r.nextInt()), v4.sourcePort(), v4.destinationPort(), Protocol.UDP);
            int ref = ReferenceToeplitz.hash(key, v4);
            assertThat(hash.hashIpv4(v4.source().ipv4AsInt(), v4.destination().ipv4AsInt(), v4.sourcePort(), v4.destinationPort()))
                    .isEqualTo(ref);
            assertThat(hash.hashAddresses(v4.source(), v4.destination()) ^ hash.hashPorts(4, v4.sourcePort(), v4.destinationPort()))
                    .isEqualTo(ref);
            Flow v6 = randomFlow(r, true);
            v6 = new Flow(v6.source(), v6.destination(), v6.sourcePort(), v6.destinationPort(), Protocol.TCP);
            assertThat(hash.hashAddresses(v6.source(), v6.destination()) ^ hash.hashPorts(16, v6.sourcePort(), v6.destinationPort()))
                    .isEqualTo(ReferenceToeplitz.hash(key, v6));
        }
    }

    @Test
    void referenceReproducesAPublishedVector() {
        // Microsoft's first IPv4 4-tuple vector: the reference itself must be right, not only equal.
        Flow f = Flow.tcp("66.9.149.187", "161.142.100.80", 2794, 1766);
        assertThat(ReferenceToeplitz.hash(RssKey.MICROSOFT, f)).isEqualTo(0x51ccc178);
    }

    @Test
    void nonIpFlowIsNotHashed() {
        Flow arp = new Flow(null, null, 0, 0, Protocol.NON_IP);
        assertThat(new ToeplitzHash(RssKey.MICROSOFT).hash(arp)).isZero();
    }

    @Test
    void symmetricKeyHashesAFlowAndItsReplyAlike() {
        Random r = new Random(7);
        ToeplitzHash hash = new ToeplitzHash(RssKey.symmetric(40));
        for (int i = 0; i < 2000; i++) {
            Flow f = randomFlow(r, r.nextBoolean());
            assertThat(hash.hash(f.reversed())).as("%s", f).isEqualTo(hash.hash(f));
        }
    }

    @Test
    void randomKeyUsuallyHashesAFlowAndItsReplyDifferently() {
        Random r = new Random(8);
        ToeplitzHash hash = new ToeplitzHash(RssKey.MICROSOFT);
        int same = 0;
        for (int i = 0; i < 1000; i++) {
            Flow f = randomFlow(r, false);
            if (hash.hash(f.reversed()) == hash.hash(f)) {
                same++;
            }
        }
        assertThat(same).isLessThan(10);
    }
}
