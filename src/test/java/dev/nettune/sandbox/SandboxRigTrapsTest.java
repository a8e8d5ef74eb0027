package dev.nettune.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.ToeplitzHash;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The traps a real virtio-net RSS NIC sets (../shared/rig/README.md), reproduced by the sandbox when switched on. */
class SandboxRigTrapsTest {
    private final SandboxInstance box = new SandboxInstance(7, 4, 4);
    private final SandboxTraffic traffic = new SandboxTraffic(box, 1);

    private CommandResult run(String... words) throws Exception {
        return box.run(Command.of(words[0], List.of(words).subList(1, words.length)), Duration.ofSeconds(1));
    }

    private static Flow flow(int i) {
        return Flow.tcp("198.18.0.1", "198.18.0.2", 20_000 + i, 80);
    }

    private int predicted(Flow f) {
        return box.indirectionTable("eth1").queueOf(new ToeplitzHash(box.rssKey("eth1")).hash(f));
    }

    /** How many of 64 flows land where the shown key and table say. */
    private int landingAsShown() {
        int matches = 0;
        for (int i = 0; i < 64; i++) {
            matches += traffic.send("eth1", flow(i), 1, 60) == predicted(flow(i)) ? 1 : 0;
        }
        return matches;
    }

    @Test
    void withoutFaultsEveryFlowLandsWhereKeyAndTableSay() {
        assertThat(landingAsShown()).isEqualTo(64);
    }

    @Test
    void aChannelChangeSwitchesRssOffUntilKeyAndTableArePushedAgain() throws Exception {
        box.faults().rssInactiveUntilFirstSet(true);
        assertThat(run("ethtool", "-X", "eth1", "default").ok()).isTrue();
        assertThat(landingAsShown()).isEqualTo(64);

        assertThat(run("ethtool", "-L", "eth1", "combined", "2").ok()).isTrue();
        assertThat(run("ethtool", "-L", "eth1", "combined", "4").ok()).isTrue();

        assertThat(landingAsShown()).isLessThan(64);
        assertThat(run("ethtool", "-X", "eth1", "hkey", box.rssKey("eth1").toColonHex(), "equal", "4").ok()).isTrue();
        assertThat(landingAsShown()).isEqualTo(64);
    }

    @Test
    void inactiveRssCanPutEveryPacketOnQueueZero() {
        box.faults().rssInactiveUntilFirstSet(true).inactiveSteering(SandboxFaults.InactiveSteering.QUEUE_ZERO);
        box.reboot();

        for (int i = 0; i < 32; i++) {
            assertThat(traffic.send("eth1", flow(i), 1, 60)).isZero();
        }
    }

    @Test
    void inactiveRssCanHashWithTheShownKeyOverTheDefaultTable() throws Exception {
        box.faults().rssInactiveUntilFirstSet(true).inactiveSteering(SandboxFaults.InactiveSteering.DEFAULT_TABLE);
        assertThat(run("ethtool", "-X", "eth1", "weight", "1", "0", "0", "0").ok()).isTrue();

        assertThat(run("ethtool", "-L", "eth1", "combined", "2").ok()).isTrue();

        IndirectionTable dflt = IndirectionTable.defaultFor(128, 2);
        ToeplitzHash shown = new ToeplitzHash(box.rssKey("eth1"));
        int offQueueZero = 0;
        for (int i = 0; i < 32; i++) {
            int q = traffic.send("eth1", flow(i), 1, 60);
            assertThat(q).isEqualTo(dflt.queueOf(shown.hash(flow(i))));
            offQueueZero += q == 0 ? 0 : 1;
        }
        assertThat(offQueueZero).as("the shown table sends everything to queue 0; the device does not").isPositive();
    }

    @Test
    void theShiftedKeyDeviceHashesWithAZeroByteAndTheFirst39BytesOfTheShownKey() {
        box.faults().keyShiftedByOneByte(true);
        byte[] k = box.rssKey("eth1").bytes();
        byte[] shifted = new byte[40];
        System.arraycopy(k, 0, shifted, 1, 39);
        ToeplitzHash device = new ToeplitzHash(RssKey.of(shifted));

        for (int i = 0; i < 32; i++) {
            assertThat(traffic.send("eth1", flow(i), 1, 60)).isEqualTo(box.indirectionTable("eth1").queueOf(device.hash(flow(i))));
        }
        assertThat(landingAsShown()).isLessThan(64);
    }

    @Test
    void theBootIdStaysWithinABootAndChangesOnReboot() throws Exception {
        String first = run("cat", "/proc/sys/kernel/random/boot_id").stdout();
        assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n");
        assertThat(run("cat", "/proc/sys/kernel/random/boot_id").stdout()).isEqualTo(first);
        assertThat(box.bootId() + "\n").isEqualTo(first);

        box.reboot();

        assertThat(run("cat", "/proc/sys/kernel/random/boot_id").stdout()).isNotEqualTo(first);
    }

    @Test
    void theBootIdCannotBeWritten() throws Exception {
        CommandResult r = run("sh", "-c", "echo 00000000-0000-4000-8000-000000000000 > /proc/sys/kernel/random/boot_id");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("sh: /proc/sys/kernel/random/boot_id: Permission denied\n");
    }
}
