package dev.nettune.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.testing.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sandbox answers like the real rig guest (captures in fixtures/linux/virtio_net-6.1-rig-* and -6.12-rig-*). */
class SandboxMatchesRigGuestTest {
    private static final String RIG_KEY =
            "d9:da:8d:08:f0:7d:a8:7c:e8:09:6a:d5:79:cf:13:c4:47:0e:0d:98:1a:1a:d4:30:1e:66:97:03:a5:8b:f1:f7:6b:02:63:e9:b3:02:ec:c5";
    private final SandboxInstance sandbox = new SandboxInstance(42, 4, 4);

    private CommandResult run(String... words) throws Exception {
        return sandbox.run(Command.of(words[0], java.util.List.of(words).subList(1, words.length)), Duration.ofSeconds(1));
    }

    /** The rig's NIC is eth0; the sandbox's NIC with custom RSS is eth1. */
    private static String asRig(String sandboxOutput) {
        return sandboxOutput.replace("eth1", "eth0");
    }

    @Test
    void fewerChannelsThanACustomTableReferencesAreRefusedWithTheKernelsWords() throws Exception {
        assertThat(run("ethtool", "-X", "eth1", "weight", "1", "2", "3", "2").ok()).isTrue();

        CommandResult r = run("ethtool", "-L", "eth1", "combined", "2");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout() + r.stderr()).isEqualTo(Fixtures.read("linux/virtio_net-6.1-rig-weight/ethtool-L-combined-2.txt"));
    }

    @Test
    void afterTheDefaultTableAndFewerChannelsEthtoolXStillShowsTheOldTable() throws Exception {
        assertThat(run("ethtool", "-X", "eth1", "hkey", RIG_KEY, "weight", "1", "2", "3", "2").ok()).isTrue();
        assertThat(run("ethtool", "-X", "eth1", "default").ok()).isTrue();

        assertThat(run("ethtool", "-L", "eth1", "combined", "2").ok()).isTrue();

        assertThat(asRig(run("ethtool", "-x", "eth1").stdout())).isEqualTo(Fixtures.read("linux/virtio_net-6.1-rig-after-L2/ethtool-x.txt"));
        assertThat(asRig(run("ethtool", "-l", "eth1").stdout())).isEqualTo(Fixtures.read("linux/virtio_net-6.1-rig-after-L2/ethtool-l.txt"));
    }

    @Test
    void repushingKeyAndTableAfterTheChannelChangeShowsTheNewTable() throws Exception {
        assertThat(run("ethtool", "-X", "eth1", "hkey", RIG_KEY, "default").ok()).isTrue();
        assertThat(run("ethtool", "-L", "eth1", "combined", "2").ok()).isTrue();

        assertThat(run("ethtool", "-X", "eth1", "hkey", RIG_KEY, "equal", "2").ok()).isTrue();

        assertThat(asRig(run("ethtool", "-x", "eth1").stdout()))
                .isEqualTo(Fixtures.read("linux/virtio_net-6.1-rig-after-L2/ethtool-x-repushed.txt"));
    }

    @Test
    void withTheShiftedKeyFaultEachFlowLandsOnTheQueueTheSixTwelveGuestTracedItOn() throws Exception {
        sandbox.faults().keyShiftedByOneByte(true);
        assertThat(run("ethtool", "-X", "eth1", "hkey", RIG_KEY, "weight", "1", "2", "3", "2").ok()).isTrue();
        SandboxTraffic traffic = new SandboxTraffic(sandbox, 1);
        int traced = 0;
        for (dev.nettune.linux.RxTraceLine l : dev.nettune.linux.RxTraceLine.parseAll(
                Fixtures.read("linux/virtio_net-6.12-rig-shifted-key/trace.txt"))) {
            if (l.ip()) {
                // hping3 -s 2000N -d 15+N (the capture's README): the IP packet is 20 + 20 + payload bytes.
                dev.nettune.rss.Flow f = dev.nettune.rss.Flow.tcp("198.18.0.1", "198.18.0.2", 20000 + l.length() - 55, 80);
                assertThat(traffic.send("eth1", f, 1, l.length())).as(f.toString()).isEqualTo(l.queue());
                traced++;
            }
        }
        assertThat(traced).isEqualTo(24);
    }
}
