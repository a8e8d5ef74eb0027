package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PublishedVectorsTest {

    record Vector(String name, RssKey key, Flow flow, int expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() throws Exception {
        JsonNode root = new ObjectMapper().readTree(Fixtures.read("rss/published-vectors.json"));
        RssKey key = RssKey.parse(root.get("key").asText());
        List<Vector> out = new ArrayList<>();
        for (JsonNode v : root.get("vectors")) {
            boolean ports = v.get("tuple").asText().equals("l3l4");
            Flow flow = ports
                    ? Flow.tcp(v.get("src").asText(), v.get("dst").asText(), v.get("sport").asInt(), v.get("dport").asInt())
                    : Flow.addressesOnly(v.get("src").asText(), v.get("dst").asText());
            int expected = (int) Long.parseLong(v.get("hash").asText().substring(2), 16);
            out.add(new Vector(v.get("family").asText() + " " + v.get("tuple").asText() + " " + flow, key, flow, expected));
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(10);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void tableDrivenHashReproducesThePublishedValue(Vector v) {
        assertThat(new ToeplitzHash(v.key()).hash(v.flow())).isEqualTo(v.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theIntPathsOfTheHotLoopsReproduceThePublishedValue(Vector v) {
        ToeplitzHash h = new ToeplitzHash(v.key());
        Flow f = v.flow();
        int sport = f.protocol().hashesPorts() ? f.sourcePort() : 0;
        int dport = f.protocol().hashesPorts() ? f.destinationPort() : 0;
        // An addresses-only vector is the 4-tuple with both ports' part taken out again (the hash is XOR-linear).
        int ports = h.hashPorts(f.source().length(), sport, dport) ^ h.hashPorts(f.source().length(), 0, 0);
        int expected = v.expected() ^ (f.protocol().hashesPorts() ? 0 : ports);
        if (f.isIpv4()) {
            int s = f.source().ipv4AsInt();
            int d = f.destination().ipv4AsInt();
            assertThat(h.hashIpv4(s, d, sport, dport)).isEqualTo(expected);
            assertThat(h.hashIpv4ToDestination(s, h.ipv4Destination(d), sport, dport)).isEqualTo(expected);
        } else {
            IpAddress s = f.source();
            IpAddress d = f.destination();
            assertThat(h.hashIpv6(s.word(0), s.word(1), s.word(2), s.word(3), d.word(0), d.word(1), d.word(2), d.word(3), sport, dport))
                    .isEqualTo(expected);
            assertThat(h.hashIpv6(s.word(0), s.word(1), s.word(2), s.word(3), h.ipv6Destination(d.word(0), d.word(1), d.word(2), d.word(3)),
                    sport, dport)).isEqualTo(expected);
        }
    }
}
