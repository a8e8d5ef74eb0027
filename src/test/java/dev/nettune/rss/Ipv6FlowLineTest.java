package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allocation-free IPv6 row reader held to {@link FlowCsv}, the reader whose messages users see. */
class Ipv6FlowLineTest {
    private final Ipv6FlowLine line = new Ipv6FlowLine();

    private boolean parse(String text) {
        byte[] b = ("xx" + text).getBytes(StandardCharsets.ISO_8859_1);
        return line.parse(b, 2, b.length - 2);
    }

    /** Either both readers read the row to the same flow, or the fast one refuses it and leaves it to FlowCsv. */
    private void agreesWithFlowCsv(String text) {
        Optional<FlowCsv.Row> slow;
        try {
            slow = FlowCsv.parseLine(1, text, false);
        } catch (RssInputException e) {
            slow = Optional.empty();
        }
        if (parse(text)) {
            assertThat(slow).as("FlowCsv reads %s", text).isPresent();
            assertThat(line.flow()).as(text).isEqualTo(slow.get().flow());
        }
    }

    /** The IPv6 4-tuples of the published vectors (Microsoft's RSS verification suite) and the fixtures' addresses. */
    static List<String> realRows() throws Exception {
        JsonNode root = new ObjectMapper().readTree(Fixtures.read("rss/published-vectors.json"));
        List<String> rows = new ArrayList<>();
        for (JsonNode v : root.get("vectors")) {
            if (v.get("family").asText().equals("ipv6") && v.get("tuple").asText().equals("l3l4")) {
                rows.add(v.get("src").asText() + "," + v.get("dst").asText() + "," + v.get("sport").asInt() + "," + v.get("dport").asInt());
            }
        }
        rows.add("fe80::200:f8ff:fe21:67cf,ff02::1,546,547");
        rows.add("3ffe:501:8::260:97ff:fe40:efab,3ffe:1900:4545:3:200:f8ff:fe21:67cf,38024,80");
        return rows;
    }

    @Test
    void readsTheRealRowsAsFlowCsvDoes() throws Exception {
        List<String> rows = realRows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(5);
        for (String text : rows) {
            assertThat(parse(text)).as(text).isTrue();
            assertThat(line.flow()).as(text).isEqualTo(FlowCsv.parseLine(1, text, false).orElseThrow().flow());
        }
    }

    /** One way to write the address: groups with or without leading zeros, either case, a run of zeros as "::" or not. */
    static String write(int[] g, SplittableRandom r) {
        int start = -1;
        int len = 0;
        if (r.nextInt(3) > 0) {
            // A random run of zero groups (one group counts) becomes "::".
            List<int[]> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                for (int j = i; j < 8 && g[j] == 0; j++) {
                    runs.add(new int[] {i, j - i + 1});
                }
            }
            if (!runs.isEmpty()) {
                int[] run = runs.get(r.nextInt(runs.size()));
                start = run[0];
                len = run[1];
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == start) {
                sb.append("::");
                i += len - 1;
                continue;
            }
            if (i > 0 && i != start + len) {
                sb.append(':');
            }
            String h = Integer.toHexString(g[i]);
            if (r.nextInt(4) == 0) {
                h = "0".repeat(4 - h.length()) + h;
            }
            sb.append(r.nextBoolean() ? h : h.toUpperCase(Locale.ROOT));
        }
        return sb.toString();
    }

    static int[] groups(SplittableRandom r) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            int kind = r.nextInt(4);
            g[i] = kind == 0 ? 0 : kind == 1 ? r.nextInt(16) : r.nextInt(65536);
        }
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            g[5] = 0xfffe; // IPv4-mapped: FlowCsv refuses it as not IPv6 (tested below)
        }
        return g;
    }

    @Test
    void readsEveryGeneratedRowToTheFlowFlowCsvReads() {
        SplittableRandom r = new SplittableRandom(61);
        for (int i = 0; i < 20_000; i++) {
            String text = write(groups(r), r) + "," + write(groups(r), r) + "," + r.nextInt(65536) + ","
                    + (r.nextInt(8) == 0 ? "0" + r.nextInt(10_000) : String.valueOf(r.nextInt(65536)));
            assertThat(parse(text)).as(text).isTrue();
            assertThat(line.flow()).as(text).isEqualTo(FlowCsv.parseLine(1, text, false).orElseThrow().flow());
        }
    }

    @Test
    void readsNoMutatedRowOtherwiseThanFlowCsv() {
        // Characters that matter to either reader, inserted, deleted or swapped at random in good rows.
        String alphabet = "0123456789abcdefABCDEFgG:,.% []-+\t";
        SplittableRandom r = new SplittableRandom(62);
        int refused = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder t = new StringBuilder(write(groups(r), r) + "," + write(groups(r), r) + "," + r.nextInt(65536) + ","
                    + r.nextInt(65536));
            for (int m = 1 + r.nextInt(3); m > 0; m--) {
                int at = r.nextInt(t.length() + 1);
                char c = alphabet.charAt(r.nextInt(alphabet.length()));
                switch (r.nextInt(3)) {
                    case 0 -> t.insert(at, c);
                    case 1 -> t.deleteCharAt(Math.min(at, t.length() - 1));
                    default -> t.setCharAt(Math.min(at, t.length() - 1), c);
                }
            }
            String text = t.toString();
            agreesWithFlowCsv(text);
            if (!parse(text)) {
                refused++;
            }
        }
        assertThat(refused).as("mutations the fast reader left to FlowCsv").isGreaterThan(6_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::,::,0,0", "::1,1::,1,2", "1:2:3:4:5:6:7::,::2:3:4:5:6:7:8,1,2", "1::8,1:0:0:0:0:0:0:8,1,2",
        "FD00::1,fd00::0001,65535,0", "0:0:0:0:0:0:0:0,ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,1,00443"})
    void readsTheEdgesOfTheLiteralFormAsFlowCsvDoes(String text) {
        assertThat(parse(text)).as(text).isTrue();
        assertThat(line.flow()).isEqualTo(FlowCsv.parseLine(1, text, false).orElseThrow().flow());
    }

    @ParameterizedTest
    @ValueSource(strings = {":::,::1,1,2", "1::2::3,::1,1,2", "12345::1,::1,1,2", "1:2:3:4:5:6:7,::1,1,2", "1:2:3:4:5:6:7:8:9,::1,1,2",
        "1:2:3:4::5:6:7:8,::1,1,2", ":1::,::1,1,2", "1:,::1,1,2", "::1:,::1,1,2", "::ffff:1.2.3.4,::1,1,2", "::ffff:102:304,::1,1,2",
        "fe80::1%eth0,::1,1,2", "[::1],::1,1,2", "g::1,::1,1,2", "::1,::1,65536,2", "::1,::1,1,123456", "::1,10.0.0.1,1,2"})
    void whatItRefusesFlowCsvRefusesWithAMessage(String text) {
        assertThat(parse(text)).as(text).isFalse();
        assertThatThrownBy(() -> FlowCsv.parseLine(1, text, false)).isInstanceOf(RssInputException.class).hasMessageNotContaining("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "src,dst,sport,dport", "# comment", " ::1,::2,1,2", "::1,::2,1,2 ", "::1,::2,,", "::1,::2,1,2,3",
        "10.0.0.1,10.0.0.2,1,2", "::1;::2;1;2", "::1, ::2,1,2"})
    void leavesEveryOtherLineToFlowCsv(String text) {
        assertThat(parse(text)).as(text).isFalse();
        agreesWithFlowCsv(text);
    }

    @Test
    void aRefusedRowDoesNotDisturbTheNextOne() {
        assertThat(parse("fd00::1,fd00::2,1,2")).isTrue();
        assertThat(parse("fd00::1,fd00::2::3,1,2")).isFalse();
        assertThat(parse("fd00::7,fd00::8,3,4")).isTrue();
        assertThat(line.flow()).isEqualTo(Flow.tcp("fd00::7", "fd00::8", 3, 4));
        assertThat(line.source(3)).isEqualTo(7);
        assertThat(line.destination(0)).isEqualTo(0xfd000000);
    }
}
