package dev.nettune.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.testing.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sandbox answers like the real rig guest (captures in fixtures/linux/virtio_net-6.1-rig-weight). */
class SandboxMatchesRigGuestTest {
    @Test
    void fewerChannelsThanACustomTableReferencesAreRefusedWithTheKernelsWords() throws Exception {
        SandboxInstance sandbox = new SandboxInstance(42, 4, 4);
        assertThat(sandbox.run(Command.of("ethtool", "-X", "eth1", "weight", "1", "2", "3", "2"), Duration.ofSeconds(1)).ok()).isTrue();

        CommandResult r = sandbox.run(Command.of("ethtool", "-L", "eth1", "combined", "2"), Duration.ofSeconds(1));

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout() + r.stderr()).isEqualTo(Fixtures.read("linux/virtio_net-6.1-rig-weight/ethtool-L-combined-2.txt"));
    }
}
