package dev.nettune.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Fleet screen's "Reached by" column says how an instance is reached in the user's language, the same facts as display(). */
class TransportChoiceInChineseTest {
    @Test
    void cloudAssistantNamesRegionAndAccountInChinese() {
        TransportChoice t = TransportChoice.cloudAssistant("i-abc", "cn-hangzhou", Optional.empty(), Optional.of("prod"));

        assertThat(t.displayPhrase().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("cloud-assistant i-abc，地域 cn-hangzhou，账号 prod");
        assertThat(t.displayPhrase().in(Locale.ENGLISH)).isEqualTo(t.display());
    }

    @Test
    void sshThroughABastionSaysSoInChinese() {
        TransportChoice t = TransportChoice.ssh("10.0.0.5", Optional.of("ops"), Optional.empty(), Optional.empty(), Optional.of("jump1"));

        assertThat(t.displayPhrase().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("ssh ops@10.0.0.5，经由堡垒机 jump1");
        assertThat(t.displayPhrase().in(Locale.ENGLISH)).isEqualTo(t.display());
    }
}
