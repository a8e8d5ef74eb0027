package dev.nettune.ui.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Calculator's field errors in Chinese: the hash key, the addresses, the ports and the table, as the user types them. */
class CalculatorInChineseTest {
    private CalculatorViewModel model;

    @BeforeEach
    void chinese() {
        Messages.use(Messages.CHINESE);
        model = new CalculatorViewModel();
    }

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    @Test
    void aKeyWithAnOddNumberOfHexDigitsIsRefusedInChinese() {
        model.keyTextProperty().set("6d5a5");

        assertThat(model.keyErrorProperty().get()).isEqualTo("哈希密钥有 5 位十六进制数字，是奇数：每个字节需要两位。");
    }

    @Test
    void anAddressPartAbove255IsRefusedInChinese() {
        model.sourceProperty().set("10.0.0.300");

        assertThat(model.sourceErrorProperty().get()).isEqualTo("'10.0.0.300'：第 4 段为 300，大于 255。");
    }

    @Test
    void aPortThatIsNotANumberNamesTheFieldInChinese() {
        model.destinationPortProperty().set("http");

        assertThat(model.destinationPortErrorProperty().get()).isEqualTo("目的端口 'http' 不是端口：请给出 0-65535 的整数。");
    }

    @Test
    void aWrongFieldLeavesThePlacementLineInChinese() {
        model.destinationPortProperty().set("http");

        assertThat(model.explanationProperty().get()).isEqualTo("请修正标记的字段以查看此流落到何处。");
    }

    @Test
    void aSymmetricKeyIsExplainedInChinese() {
        model.keyTextProperty().set(dev.nettune.rss.RssKey.symmetric(40).toColonHex());

        assertThat(model.keyNoteProperty().get()).startsWith("对称哈希密钥（重复的 6d:5a）");
        assertThat(dev.nettune.testing.EnglishLeft.in(java.util.List.of(model.keyNoteProperty().get()))).isEmpty();
    }
}
