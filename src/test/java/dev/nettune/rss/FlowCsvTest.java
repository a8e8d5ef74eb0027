package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowCsvTest {

    @Test
    void readsFourTuplesAndTwoTuples() {
        FlowCsv.Result r = FlowCsv.parse("src,dst,sport,dport\n10.0.0.251,10.0.0.1,18042,26000\n10.0.0.251,10.0.0.1,,\n", false);
        assertThat(r.problems()).isEmpty();
        assertThat(r.flows()).containsExactly(Flow.tcp("10.0.0.251", "10.0.0.1", 18042, 26000),
                Flow.addressesOnly("10.0.0.251", "10.0.0.1"));
        assertThat(r.rows()).extracting(FlowCsv.Row::line).containsExactly(2, 3);
    }

    @Test
    void badRowsAreReportedWithTheirLineNumberAndGoodRowsKept() {
        FlowCsv.Result r = FlowCsv.parse("10.0.0.1,10.0.0.2,1,2\n10.0.0.300,10.0.0.2,1,2\n10.0.0.1,10.0.0.2,70000,2\n"
                + "10.0.0.1,10.0.0.2,1\n10.0.0.1,10.0.0.2,5,\n# comment\n\nfd00::1,fd00::2,3,4", false);
        assertThat(r.flows()).hasSize(2);
        assertThat(r.problems()).extracting(FlowCsv.Problem::line).containsExactly(2, 3, 4, 5);
        assertThat(r.problems().get(0).message()).isEqualTo("'10.0.0.300': part 4 is 300, above 255.");
        assertThat(r.problems().get(1).message()).isEqualTo("Source port 70000 is out of range: ports are 0-65535.");
        assertThat(r.problems().get(2).message()).isEqualTo("expected 4 columns (src,dst,sport,dport), found 3.");
        assertThat(r.problems().get(3).message()).contains("give both ports");
        assertThat(r.problems().get(0).toString()).startsWith("line 2: ");
    }

    @Test
    void mixedFamiliesInARowAreABadRow() {
        FlowCsv.Result r = FlowCsv.parse("10.0.0.1,fd00::2,1,2", false);
        assertThat(r.problems()).singleElement().extracting(FlowCsv.Problem::message).asString()
                .contains("a flow uses one address family");
    }

    @Test
    void readsTargetQueuesInTheFifthColumn() {
        FlowCsv.Result r = FlowCsv.parse("src,dst,sport,dport,queue\n10.0.0.1,10.0.0.2,1,2,3\n10.0.0.1,10.0.0.2,1,3,x", true);
        assertThat(r.rows()).singleElement().satisfies(row -> assertThat(row.queue()).hasValue(3));
        assertThat(r.problems()).singleElement().extracting(FlowCsv.Problem::message)
                .isEqualTo("Queue 'x' is not a queue number: give a whole number 0 or more.");
    }

    @Test
    void aBadRowIsSaidInChineseWithItsLineNumber() {
        FlowCsv.Result r = FlowCsv.parse("10.0.0.1,10.0.0.2,70000,2\n10.0.0.1,10.0.0.2,1\n10.0.0.1,10.0.0.2,5,", false);
        java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;

        assertThat(r.problems()).extracting(p -> p.phrase().in(zh)).containsExactly(
                "第 1 行：源端口 70000 超出范围：端口为 0-65535。",
                "第 2 行：应有 4 列（src,dst,sport,dport），实际为 3 列。",
                "第 3 行：请给出两个端口（4 元组）或都不给（2 元组，如 ICMP），不能只给源端口。");
        assertThat(r.problems().get(0).toString()).isEqualTo("line 1: Source port 70000 is out of range: ports are 0-65535.");
    }

    @Test
    void aBadWeightInABalanceCsvIsSaidInChinese() {
        java.util.List<FlowCsv.Problem> problems = new java.util.ArrayList<>();
        dev.nettune.rss.balance.WeightedFlowCsv.read(new java.io.BufferedReader(new java.io.StringReader("10.0.0.1,10.0.0.2,1,2,lots\n")),
                f -> { }, problems::add);

        assertThat(problems).singleElement().extracting(p -> p.phrase().in(java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("第 1 行：权重 'lots' 不是 0 或以上的整数（包数或字节数）。");
    }
}
