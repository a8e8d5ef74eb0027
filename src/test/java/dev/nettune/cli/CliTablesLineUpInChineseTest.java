package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table the command line prints keeps its columns under Chinese headers: a CJK character takes two terminal
 * columns, so a header padded by characters pushed every column after it out of line with the rows.
 */
class CliTablesLineUpInChineseTest extends ChineseCliContext {
    /** Terminal columns of a text: two for a CJK (wide) character, one otherwise. */
    static int columns(String text) {
        return text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x3000 && c <= 0x303F) ? 2 : 1).sum();
    }

    @Test
    void theFleetMonitorsColumnsLineUpUnderChineseHeaders() {
        CliRun r = CliRun.in(context, "fleet", "monitor", "--hosts", "sandbox", "--nic", "eth1", "--duration", "2", "--lang", "zh_CN");

        List<String> lines = r.out().lines().toList();
        String header = lines.stream().filter(l -> l.startsWith("实例")).findFirst().orElseThrow();
        String row = lines.stream().filter(l -> l.startsWith("sandbox ")).reduce((a, b) -> b).orElseThrow();
        String pps = "RX 包/秒";
        String verdictHeader = "结论";
        // The right edge of the rx pkt/s column and the start of the verdict column, in terminal columns.
        assertThat(columns(header.substring(0, header.indexOf(pps) + pps.length()))).isEqualTo(24 + 1 + 9 + 1 + 12);
        assertThat(columns(header.substring(0, header.indexOf(verdictHeader))))
                .isEqualTo(columns(row.substring(0, 24 + 1 + 9 + 1 + 12 + 1 + 10 + 1 + 10 + 2 + 24 + 1)));
    }
}
