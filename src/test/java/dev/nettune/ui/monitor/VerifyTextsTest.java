package dev.nettune.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.monitor.Mapping;
import dev.nettune.monitor.ShareCheck;
import dev.nettune.monitor.Verdict;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.ui.common.Messages;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verifiers' own sentences, made by their own code, read in Chinese on the Verify tab: a sentence changed in the
 * monitor package without its pattern in {@link VerifyTexts} fails here instead of showing English.
 */
class VerifyTextsTest {
    private static final IndirectionTable EQUAL_4 = IndirectionTable.equal(128, 4, 0, OptionalInt.of(4));

    @BeforeEach
    void chinese() {
        Messages.use(Messages.CHINESE);
    }

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    @Test
    void everyMappingAFailedVerificationCanNameIsChinese() {
        RssKey key = RssKey.random(RssKey.ENI_LENGTH);
        var alternatives = Mapping.alternatives(key, EQUAL_4, 4, Optional.of(RssKey.random(RssKey.ENI_LENGTH)),
                Optional.of(IndirectionTable.equal(128, 2, 0, OptionalInt.of(4))));
        assertThat(alternatives).hasSizeGreaterThan(8);
        for (Mapping m : alternatives) {
            assertThat(VerifyTexts.say(m.description())).as(m.description()).matches(".*\\p{IsHan}.*");
        }
        assertThat(VerifyTexts.say(Mapping.predicted(key, EQUAL_4).description())).isEqualTo("当前的哈希密钥和间接表");
    }

    @Test
    void theSpreadScenariosPassIsChinese() {
        ShareCheck c = ShareCheck.of(new long[] {2500, 2500, 2500, 2500}, EQUAL_4);

        assertThat(c.verdict()).isEqualTo(Verdict.PASS);
        assertThat(VerifyTexts.say(c.explanation())).startsWith("与间接表一致：每个队列与其预期份额的偏差都在 25.0 % 以内");
    }

    @Test
    void theSpreadScenariosFailureIsChinese() {
        ShareCheck c = ShareCheck.of(new long[] {9000, 300, 300, 300}, EQUAL_4);

        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(VerifyTexts.say(c.explanation())).startsWith("不符合：队列 0 收到 ").contains("卡方");
    }

    @Test
    void aQueueOutsideTheTableIsSaidInChinese() {
        ShareCheck c = ShareCheck.of(new long[] {500, 500, 200, 0}, IndirectionTable.equal(128, 2, 0, OptionalInt.of(4)));

        assertThat(VerifyTexts.say(c.explanation())).startsWith("队列 2 收到了 200 个包").endsWith("网卡没有使用这张间接表。");
    }

    @Test
    void tooFewPacketsAreSaidInChinese() {
        ShareCheck c = ShareCheck.of(new long[] {1, 1, 1, 1}, EQUAL_4);

        assertThat(VerifyTexts.say(c.explanation())).startsWith("4 个包太少，无法判断");
    }

    @Test
    void aCloseButSignificantSpreadIsSaidInChinese() {
        ShareCheck c = ShareCheck.of(new long[] {26000, 25000, 25000, 24000}, EQUAL_4);

        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(VerifyTexts.say(c.explanation())).startsWith("每个队列与其预期份额的偏差都在 25.0 % 以内").endsWith("请运行设计流验证。");
    }

    @Test
    void unknownCountersAreSaidInChinese() {
        ShareCheck c = ShareCheck.of(new long[] {-1, 10, 10, 10}, EQUAL_4);

        assertThat(VerifyTexts.say(c.explanation())).isEqualTo("该网卡没有报告每个队列的包数，因此无法比较份额。");
    }

    @Test
    void aSentenceNoPatternKnowsIsShownAsItCame() {
        assertThat(VerifyTexts.say("eth1 on sandbox has no RSS table to verify against: x.")).isEqualTo(
                "eth1 on sandbox has no RSS table to verify against: x.");
    }
}
