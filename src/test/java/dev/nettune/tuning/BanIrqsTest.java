package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * "Ban these IRQs from irqbalance" is a systemd drop-in: on a host without systemd (the rig's Debian guest, a minimal
 * image) there is no irqbalance service and no systemctl, so the entry plans nothing and says why, instead of a step
 * whose {@code systemctl daemon-reload} fails and rolls back the channels and IRQ affinity applied with it.
 */
class BanIrqsTest {
    private static HostFacts facts(boolean systemd) {
        return new HostFacts("6.1.0-57-amd64", "0-3", systemd, Optional.empty(), false, Map.of("eth0", 4), false);
    }

    private static final Profile PROFILE = new Profile("irq", "", List.of(new ProfileEntry.BanIrqs(List.of(25, 27))));

    @Test
    void onAHostWithoutSystemdItPlansNothingAndSaysWhy() {
        ProfileEntry.BanIrqs ban = new ProfileEntry.BanIrqs(List.of(25, 27));

        assertThat(ban.expand(facts(false), PROFILE)).isEmpty();
        assertThat(ban.skippedOn(facts(false))).hasValueSatisfying(why -> assertThat(why.toString()).contains("25, 27", "does not run systemd"));
    }

    @Test
    void onAHostWithSystemdItWritesTheDropIn() {
        ProfileEntry.BanIrqs ban = new ProfileEntry.BanIrqs(List.of(25, 27));

        assertThat(ban.skippedOn(facts(true))).isEmpty();
        assertThat(ban.expand(facts(true), PROFILE)).singleElement().extracting(Change::target).asString().contains(ProfileEntry.BanIrqs.PATH);
    }
}
