package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.testing.Fixtures;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ipv6FlowHashTest {
    @Test
    void hashesRandomFlowsAsTheBitByBitReferenceDoesUnderRandomKeys() {
        SplittableRandom r = new SplittableRandom(16);
        for (int k = 0; k < 50; k++) {
            byte[] key = new byte[40];
            r.nextBytes(key);
            Ipv6FlowHash wide = new Ipv6FlowHash(new ToeplitzHash(RssKey.of(key)));
            byte[] dst = new byte[16];
            r.nextBytes(dst);
            ByteBuffer d = ByteBuffer.wrap(dst);
            int part = wide.destination(d.getInt(0), d.getInt(4), d.getInt(8), d.getInt(12));
            for (int i = 0; i < 100; i++) {
                byte[] src = new byte[16];
                if (i == 0) {
                    java.util.Arrays.fill(src, (byte) 0xff);
                } else {
                    r.nextBytes(src);
                }
                int sport = i == 0 ? 65535 : r.nextInt(65536);
                int dport = i == 0 ? 65535 : r.nextInt(65536);
                ByteBuffer s = ByteBuffer.wrap(src);
                ByteBuffer input = ByteBuffer.allocate(36).put(src).put(dst).putShort((short) sport).putShort((short) dport);
                assertThat(wide.hash(s.getInt(0), s.getInt(4), s.getInt(8), s.getInt(12), part, sport, dport))
                        .isEqualTo(ReferenceToeplitz.hash(key, input.array()));
            }
        }
    }

    @Test
    void givesThePublishedIpv6FourTupleVectors() throws Exception {
        JsonNode root = new ObjectMapper().readTree(Fixtures.read("rss/published-vectors.json"));
        Ipv6FlowHash wide = new Ipv6FlowHash(new ToeplitzHash(RssKey.parse(root.get("key").asText())));
        int checked = 0;
        for (JsonNode v : root.get("vectors")) {
            if (v.get("family").asText().equals("ipv6") && v.get("tuple").asText().equals("l3l4")) {
                ByteBuffer s = ByteBuffer.wrap(IpAddress.parse(v.get("src").asText()).bytes());
                ByteBuffer d = ByteBuffer.wrap(IpAddress.parse(v.get("dst").asText()).bytes());
                int h = wide.hash(s.getInt(0), s.getInt(4), s.getInt(8), s.getInt(12),
                        wide.destination(d.getInt(0), d.getInt(4), d.getInt(8), d.getInt(12)), v.get("sport").asInt(),
                        v.get("dport").asInt());
                assertThat(String.format("0x%08x", h)).as(v.toString()).isEqualTo(v.get("hash").asText());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3);
    }
}
