package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4FlowLineTest {

    private final Ipv4FlowLine line = new Ipv4FlowLine();

    @Test
    void readsEveryRowFlowCsvReadsToTheSameIpv4FourTuple() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            String text = r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + ","
                    + r.nextInt(256) + ".0." + r.nextInt(10) + "." + r.nextInt(256) + "," + r.nextInt(65536) + "," + r.nextInt(65536);
            Flow expected = FlowCsv.parseLine(1, text, false).orElseThrow().flow();
            assertThat(line.parse(text)).as(text).isTrue();
            assertThat(line.flow()).as(text).isEqualTo(expected);
            assertThat(line.source()).isEqualTo(expected.source().ipv4AsInt());
        }
    }

    @Test
    void leadingZerosInPortsReadAsFlowCsvReadsThem() {
        assertThat(line.parse("10.0.0.1,10.0.0.2,0080,00443")).isTrue();
        assertThat(line.flow()).isEqualTo(FlowCsv.parseLine(1, "10.0.0.1,10.0.0.2,0080,00443", false).orElseThrow().flow());
    }

    @Test
    void anAddressWithALeadingZeroIsLeftToFlowCsvWhichRefusesItAsOctal() {
        // inet_aton and hping3 read 010 as 8: a silent decimal reading would hash another flow than the host sends.
        assertThat(line.parse("010.000.0.1,10.0.0.2,80,443")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlowCsv.parseLine(1, "010.000.0.1,10.0.0.2,80,443", false))
                .isInstanceOf(RssInputException.class).hasMessageContaining("octal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "src,dst,sport,dport", "# comment", " 10.0.0.1,10.0.0.2,1,2", "10.0.0.1,10.0.0.2,1,2 ",
        "10.0.0.1,10.0.0.2,,", "fd00::1,fd00::2,1,2", "10.0.0.256,10.0.0.2,1,2", "10.0.0.1,10.0.0.2,65536,2",
        "10.0.0.1,10.0.0.2,1,2,3", "10.0.0,10.0.0.2,1,2", "10.0.0.1.5,10.0.0.2,1,2", "10.0.0.1,10.0.0.2,1,",
        "1000.0.0.1,10.0.0.2,1,2", "10.0.0.1,10.0.0.2,123456,2", "10.0.0.1,10.0.0.2,+1,2", "10.0.0.1;10.0.0.2;1;2"})
    void leavesEveryOtherLineToFlowCsv(String text) {
        assertThat(line.parse(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.256,10.0.0.2,1,2", "10.0.0.1,10.0.0.2,65536,2", "1000.0.0.1,10.0.0.2,1,2"})
    void whatItRefusesForItsNumbersFlowCsvRefusesWithAMessage(String text) {
        assertThat(line.parse(text)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlowCsv.parseLine(1, text, false))
                .isInstanceOf(RssInputException.class);
    }

    @Test
    void aRefusedLineDoesNotDisturbTheNextOne() {
        assertThat(line.parse("10.0.0.1,10.0.0.2,1,99999")).isFalse();
        assertThat(line.parse("10.0.0.1,10.0.0.2,1,2")).isTrue();
        assertThat(Optional.of(line.flow())).contains(Flow.tcp("10.0.0.1", "10.0.0.2", 1, 2));
    }

    @Test
    void aRowInAReadBufferReadsAsItsText() {
        byte[] buffer = "junk10.1.2.3,10.0.0.5,2794,1766\nmore".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(line.parse(buffer, 4, 27)).isTrue();

        assertThat(line.flow()).isEqualTo(Flow.tcp("10.1.2.3", "10.0.0.5", 2794, 1766));
    }

    @Test
    void aRowPrintedAsNetTunePrintsTheFlowIsCanonical() {
        assertThat(line.parse("10.1.2.3,10.0.0.5,0,1766")).isTrue();
        assertThat(line.canonical()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1,10.0.0.2,0080,443", "10.0.0.1,10.0.0.2,80,00443", "10.0.0.1,10.0.0.2,00,1"})
    void aPortWithALeadingZeroIsReadButNotCanonical(String text) {
        assertThat(line.parse(text)).isTrue();
        assertThat(line.canonical()).isFalse();
    }

    @Test
    void aRowLongerThanAnyPlainRowIsLeftToFlowCsv() {
        assertThat(line.parse("10.0.0.1,10.0.0.2,80,443" + " ".repeat(Ipv4FlowLine.MAX_ROW))).isFalse();
    }
}
