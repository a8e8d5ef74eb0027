package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The int paths of the hot loops (IPv4 and IPv6 4-tuples as words, with and without a destination part, the ports'
 * part) against the bit-by-bit reference, on random keys of every length RSS keys come in and on words whose every
 * byte is an edge value: the lookups that read the tables without a bounds check must land on the same entries.
 */
class ToeplitzIntPathsTest {
    private static final int[] EDGES = {0, -1, 0x80000000, 0x7fffffff, 0xff, 0xff000000, 0x00ff00ff, 0x01010101};

    private static int word(SplittableRandom r) {
        return r.nextInt(4) == 0 ? EDGES[r.nextInt(EDGES.length)] : r.nextInt();
    }

    private static int port(SplittableRandom r) {
        return r.nextInt(4) == 0 ? new int[] {0, 1, 255, 256, 65535}[r.nextInt(5)] : r.nextInt(65536);
    }

    @ParameterizedTest(name = "key of {0} bytes")
    @ValueSource(ints = {4, 16, 40, 52})
    void ipv4WordsHashAsTheReferenceHashesTheirBytes(int keyLength) {
        SplittableRandom r = new SplittableRandom(0x1234 + keyLength);
        for (int k = 0; k < 100; k++) {
            byte[] key = new byte[keyLength];
            r.nextBytes(key);
            ToeplitzHash h = new ToeplitzHash(RssKey.of(key));
            for (int f = 0; f < 50; f++) {
                int s = word(r);
                int d = word(r);
                int sport = port(r);
                int dport = port(r);
                int expected = ReferenceToeplitz.hash(key, ByteBuffer.allocate(12).putInt(s).putInt(d)
                        .putShort((short) sport).putShort((short) dport).array());
                assertThat(h.hashIpv4(s, d, sport, dport)).isEqualTo(expected);
                assertThat(h.hashIpv4ToDestination(s, h.ipv4Destination(d), sport, dport)).isEqualTo(expected);
                assertThat(h.hashPorts(4, sport, dport)).isEqualTo(ReferenceToeplitz.hash(key,
                        ByteBuffer.allocate(12).putInt(8, (sport << 16) | dport).array()));
            }
        }
    }

    @ParameterizedTest(name = "key of {0} bytes")
    @ValueSource(ints = {4, 16, 40, 52})
    void ipv6WordsHashAsTheReferenceHashesTheirBytes(int keyLength) {
        SplittableRandom r = new SplittableRandom(0x6666 + keyLength);
        for (int k = 0; k < 100; k++) {
            byte[] key = new byte[keyLength];
            r.nextBytes(key);
            ToeplitzHash h = new ToeplitzHash(RssKey.of(key));
            for (int f = 0; f < 30; f++) {
                int[] w = new int[8];
                ByteBuffer in = ByteBuffer.allocate(36);
                for (int i = 0; i < 8; i++) {
                    w[i] = word(r);
                    in.putInt(w[i]);
                }
                int sport = port(r);
                int dport = port(r);
                int expected = ReferenceToeplitz.hash(key, in.putShort((short) sport).putShort((short) dport).array());
                assertThat(h.hashIpv6(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], sport, dport)).isEqualTo(expected);
                assertThat(h.hashIpv6(w[0], w[1], w[2], w[3], h.ipv6Destination(w[4], w[5], w[6], w[7]), sport, dport))
                        .isEqualTo(expected);
                assertThat(h.hashPorts(16, sport, dport)).isEqualTo(ReferenceToeplitz.hash(key,
                        ByteBuffer.allocate(36).putInt(32, (sport << 16) | dport).array()));
            }
        }
    }

    @ParameterizedTest(name = "ports {0}")
    @ValueSource(ints = {65536, 70000, -1, Integer.MIN_VALUE})
    void portsPastSixteenBitsCountOnlyByTheirLowSixteen(int port) {
        // The int paths mask each port to its low 16 bits, as hashing them as 2-byte fields does.
        ToeplitzHash h = new ToeplitzHash(RssKey.MICROSOFT);
        assertThat(h.hashIpv4(0x0a000001, 0x0a000002, port, port)).isEqualTo(h.hashIpv4(0x0a000001, 0x0a000002, port & 0xffff, port & 0xffff));
        assertThat(h.hashIpv6(1, 2, 3, 4, 5, 6, 7, 8, port, port)).isEqualTo(h.hashIpv6(1, 2, 3, 4, 5, 6, 7, 8, port & 0xffff, port & 0xffff));
    }
}
