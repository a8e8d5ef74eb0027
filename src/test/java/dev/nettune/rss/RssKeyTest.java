package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RssKeyTest {

    private static final String COLON = "6d:5a:56:da:25:5b:0e:c2:41:67:25:3d:43:a3:8f:b0:d0:ca:2b:cb:"
            + "ae:7b:30:b4:77:cb:2d:a3:80:30:f2:0c:6a:42:b7:3b:be:ac:01:fa";
    private static final String PLAIN = COLON.replace(":", "");

    @Test
    void parsesColonSeparatedHex() {
        assertThat(RssKey.parse(COLON).toHex()).isEqualTo(PLAIN);
    }

    @Test
    void parsesPlainHexInEitherCase() {
        assertThat(RssKey.parse(PLAIN.toUpperCase())).isEqualTo(RssKey.MICROSOFT);
    }

    @Test
    void parsesHexWithA0xPrefix() {
        assertThat(RssKey.parse("0x" + PLAIN)).isEqualTo(RssKey.MICROSOFT);
    }

    @Test
    void parsesAKeyWrappedOverSeveralLines() {
        String wrapped = COLON.substring(0, 60) + "\n" + COLON.substring(60);
        assertThat(RssKey.parse(wrapped)).isEqualTo(RssKey.MICROSOFT);
        assertThat(RssKey.parse(PLAIN.substring(0, 40) + "\n" + PLAIN.substring(40))).isEqualTo(RssKey.MICROSOFT);
        assertThat(RssKey.parse("6d 5a 56 da 25 5b 0e c2 41 67 25 3d 43 a3 8f b0 d0 ca 2b cb\n"
                + "ae 7b 30 b4 77 cb 2d a3 80 30 f2 0c 6a 42 b7 3b be ac 01 fa")).isEqualTo(RssKey.MICROSOFT);
    }

    @Test
    void parsesTheKeyOutOfAWholeEthtoolReport() {
        assertThat(RssKey.parse(Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-x.txt"))).isEqualTo(RssKey.MICROSOFT);
    }

    @Test
    void nonHexByteInColonFormSaysWhichByte() {
        assertThatThrownBy(() -> RssKey.parse(COLON.replace("56:da", "56:zz")))
                .isInstanceOf(RssInputException.class)
                .hasMessage("Key byte 4 is 'zz': each byte must be one or two hex digits (0-9, a-f).");
    }

    @Test
    void overlongByteInColonFormSaysWhichByte() {
        assertThatThrownBy(() -> RssKey.parse("6d:5a5:56"))
                .isInstanceOf(RssInputException.class)
                .hasMessage("Key byte 2 is '5a5': each byte must be one or two hex digits (0-9, a-f).");
    }

    @Test
    void nonHexDigitInPlainHexSaysWhichByte() {
        assertThatThrownBy(() -> RssKey.parse(PLAIN.substring(0, 10) + "g" + PLAIN.substring(11)))
                .isInstanceOf(RssInputException.class)
                .hasMessage("Key byte 6 has 'g', which is not a hex digit (0-9, a-f).");
    }

    @Test
    void oddNumberOfDigitsIsRejected() {
        assertThatThrownBy(() -> RssKey.parse(PLAIN.substring(1)))
                .isInstanceOf(RssInputException.class)
                .hasMessage("The key has 79 hex digits, an odd number: every byte needs two.");
    }

    @Test
    void shortKeySaysWhichByteIsMissing() {
        assertThatThrownBy(() -> RssKey.parse(COLON.substring(0, COLON.length() - 3)))
                .isInstanceOf(RssInputException.class)
                .hasMessage("The key has 39 bytes; this device expects 40 bytes (80 hex digits). Byte 40 is missing.");
    }

    @Test
    void longKeySaysWhichByteIsOneTooMany() {
        assertThatThrownBy(() -> RssKey.parse(COLON + ":00"))
                .isInstanceOf(RssInputException.class)
                .hasMessage("The key has 41 bytes; this device expects 40 bytes (80 hex digits). Byte 41 is one too many.");
    }

    @Test
    void emptyKeySaysWhatIsExpected() {
        assertThatThrownBy(() -> RssKey.parse("  "))
                .isInstanceOf(RssInputException.class)
                .hasMessage("The key is empty; expected 40 bytes as hex, for example 6d:5a:56:da:... (80 hex digits).");
    }

    @Test
    void otherDeviceLengthsAreAcceptedWhenTold() {
        assertThat(RssKey.parse("6d5a56da255b0ec24167253d43a38fb0d0ca2bcb", 20).length()).isEqualTo(20);
        assertThat(RssKey.parse("6d:5a:56:da:25:5b:0e:c2:41:67:25:3d:43:a3:8f:b0:d0:ca:2b:cb:ae:7b:30:b4:77:cb:2d:a3:80:30:f2:0c:6a:42:b7:3b:be:ac:01:fa:00:01:02:03:04:05:06:07:08:09:0a:0b", 52).length())
                .isEqualTo(52);
    }

    @Test
    void randomKeysHaveTheAskedLengthAndDiffer() {
        RssKey a = RssKey.random(40);
        RssKey b = RssKey.random(40);
        assertThat(a.length()).isEqualTo(40);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void symmetricKeyIs6d5aRepeated() {
        assertThat(RssKey.symmetric(40).toHex()).isEqualTo("6d5a".repeat(20));
    }

    @Test
    void printsColonHexThatParsesBack() {
        RssKey k = RssKey.random(40);
        assertThat(RssKey.parse(k.toColonHex())).isEqualTo(k);
        assertThat(RssKey.MICROSOFT.toColonHex()).isEqualTo(COLON);
    }
}
