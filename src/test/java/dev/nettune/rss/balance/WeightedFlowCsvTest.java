package dev.nettune.rss.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.Flow;
import dev.nettune.rss.FlowCsv;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedFlowCsvTest {

    private static List<ObservedFlow> flows;
    private static List<FlowCsv.Problem> problems;

    private static void read(String text) {
        flows = new ArrayList<>();
        problems = new ArrayList<>();
        WeightedFlowCsv.read(new BufferedReader(new StringReader(text)), flows::add, problems::add);
    }

    @Test
    void aWeightColumnIsOptionalAndDefaultsToOne() {
        read("src,dst,sport,dport,weight\n10.0.0.1,10.0.0.5,1000,80,42\n10.0.0.2,10.0.0.5,1001,80\n");
        assertThat(flows).containsExactly(new ObservedFlow(Flow.tcp("10.0.0.1", "10.0.0.5", 1000, 80), 42),
                new ObservedFlow(Flow.tcp("10.0.0.2", "10.0.0.5", 1001, 80), 1));
        assertThat(problems).isEmpty();
    }

    @Test
    void emptyPortsAreTheAddressesOnlyTwoTuple() {
        read("src,dst,sport,dport,weight\n10.0.0.1,10.0.0.5,,,7\n");
        assertThat(flows).containsExactly(new ObservedFlow(Flow.addressesOnly("10.0.0.1", "10.0.0.5"), 7));
    }

    @Test
    void aBadRowIsReportedWithItsLineAndTheOthersAreKept() {
        read("src,dst,sport,dport,weight\n10.0.0.1,10.0.0.5,1000,80,-3\n10.0.0.2,10.0.0.5,1001,80,5\n");
        assertThat(flows).hasSize(1);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("Weight '-3'");
        });
    }
}
