package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A port span as the sweep and reverse-search commands take it: FROM-TO or one port, 0-65535, lower first. */
class PortSpanTest {
    @Test
    void aRangeAndASinglePortParse() {
        assertThat(PortSpan.parse("1024-65535")).isEqualTo(new PortSpan(1024, 65535));
        assertThat(PortSpan.parse(" 80 ")).isEqualTo(new PortSpan(80, 80));
        assertThat(PortSpan.parse("1024-1027").size()).isEqualTo(4);
    }

    @Test
    void aBackwardsRangeIsRefusedWithTheFix() {
        assertThatThrownBy(() -> PortSpan.parse("2000-1000")).isInstanceOf(RssInputException.class)
                .hasMessageContaining("backwards: give the lower port first");
    }

    @Test
    void portsAbove65535AndOtherShapesAreRefused() {
        assertThatThrownBy(() -> PortSpan.parse("1-70000")).hasMessageContaining("ports are 0-65535");
        assertThatThrownBy(() -> PortSpan.parse("1:2")).hasMessageContaining("is not FROM-TO");
        assertThatThrownBy(() -> new PortSpan(5, 4)).hasMessageContaining("backwards");
    }
}
