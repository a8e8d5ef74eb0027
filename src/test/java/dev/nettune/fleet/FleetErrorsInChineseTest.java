package dev.nettune.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.Phrase;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a fleet refuses is said in the user's language (the GUI's Fleet screen, the CLI under a Chinese locale). */
class FleetErrorsInChineseTest {
    private static String chinese(Throwable e) {
        return Phrase.describe(e, Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aTargetListedTwiceIsSaidInChinese() {
        assertThatThrownBy(() -> FleetTarget.parseList("web1,web1", FleetTarget.Kind.HOST))
                .satisfies(e -> assertThat(chinese(e)).isEqualTo("web1 列出了两次；每个目标只能出现一次。"))
                .hasMessage("web1 is listed twice; each target may appear once.");
    }

    @Test
    void anEmptyItemNamesWhatTheListHoldsInChinese() {
        assertThatThrownBy(() -> FleetTarget.parseList("i-bp1abc,,i-bp2abc", FleetTarget.Kind.INSTANCE))
                .satisfies(e -> assertThat(chinese(e)).isEqualTo("'i-bp1abc,,i-bp2abc' 中有空项：实例 ID 之间请只用一个逗号分隔。"));
    }

    @Test
    void aBadRolloutPolicyIsSaidInChinese() {
        assertThatThrownBy(() -> new RolloutPolicy(1, 0, 0))
                .satisfies(e -> assertThat(chinese(e)).startsWith("--parallel 为 0：请给出每次 1 到 "));
    }

    @Test
    void anUnknownTransportIsSaidInChinese() {
        assertThatThrownBy(() -> Transport.parse("telnet"))
                .satisfies(e -> assertThat(chinese(e)).isEqualTo("'telnet' 不是连接方式。允许：ssh、cloud-assistant。"));
    }
}
