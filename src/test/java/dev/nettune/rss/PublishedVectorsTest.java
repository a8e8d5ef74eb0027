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
}
