package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.testing.Fixtures;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ipv4FlowHashTest {
    @Test
    void hashesEveryFlowAsTheByteTablesDoUnderRandomKeys() {
        SplittableRandom r = new SplittableRandom(12);
        for (int k = 0; k < 50; k++) {
            byte[] key = new byte[40];
            r.nextBytes(key);
            ToeplitzHash h = new ToeplitzHash(RssKey.of(key));
            Ipv4FlowHash wide = new Ipv4FlowHash(h);
            int dst = r.nextInt();
            int part = wide.destination(dst);
            for (int i = 0; i < 200; i++) {
                int src = i == 0 ? -1 : r.nextInt();
                int sport = i == 0 ? 65535 : r.nextInt(65536);
                int dport = i == 0 ? 65535 : r.nextInt(65536);
                assertThat(wide.hash(src, part, sport, dport)).isEqualTo(h.hashIpv4(src, dst, sport, dport));
            }
        }
    }

    @Test
    void givesThePublishedIpv4FourTupleVectors() throws Exception {
        JsonNode root = new ObjectMapper().readTree(Fixtures.read("rss/published-vectors.json"));
        Ipv4FlowHash wide = new Ipv4FlowHash(new ToeplitzHash(RssKey.parse(root.get("key").asText())));
        int checked = 0;
        for (JsonNode v : root.get("vectors")) {
            if (v.get("family").asText().equals("ipv4") && v.get("tuple").asText().equals("l3l4")) {
                int h = wide.hash(ip(v.get("src").asText()), wide.destination(ip(v.get("dst").asText())), v.get("sport").asInt(),
                        v.get("dport").asInt());
                assertThat(String.format("0x%08x", h)).as(v.toString()).isEqualTo(v.get("hash").asText());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(5);
    }

    private static int ip(String dotted) {
        return IpAddress.parse(dotted).ipv4AsInt();
    }
}
