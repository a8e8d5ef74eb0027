package dev.nettune.rig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.rss.Flow;
import dev.nettune.rss.RssCalculator;
import dev.nettune.rss.RssKey;
import dev.nettune.testing.InjectedFlows;
import dev.nettune.tuning.BootReapply;
import dev.nettune.tuning.ChannelChange;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.PlanPreview;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import dev.nettune.tuning.XpsChange;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Persistence's boot re-apply on the real guest: the script NetTune plans for {@code nettune-reapply@eth0.service}
 * (channels, the RSS key and table, XPS as masks), run exactly as the unit's {@code ExecStart} runs it after a real reboot
 * of the guest, restores what the reboot took, and every flow lands where the restored key and table say. The guest has
 * no systemd and no disk (its root is an initramfs): the test writes the planned script after the reboot, as the disk
 * would have kept it, and runs it as systemd would. Opt-in: {@code -Prig}, as root.
 */
@ExtendWith(RigExtension.class)
class RigBootReapplyTest {
    private static final String NIC = RigGuest.NIC;

    private static String guest(RigGuest rig, String command) throws Exception {
        return rig.run("sh", "-c", command).stdoutOrThrow().strip();
    }

    @Test
    void afterARebootTheReapplyScriptRestoresChannelsXpsKeyAndTableAndFlowsLandWhereTheySay(RigGuest rig, TestReporter report)
            throws Exception {
        rig.reset();
        String key = RssKey.random(40).toColonHex();
        BootReapply reapply = new BootReapply(NIC);
        Profile profile = new Profile("boot re-apply on the rig", "", List.of(new ChannelChange(NIC, 3), new XpsChange(NIC, 0, "0-1"),
                new XpsChange(NIC, 1, "2-3"), new XpsChange(NIC, 2, "0-3"), new RssKeyChange(NIC, key), new RssTableChange(NIC, "equal 3"),
                reapply));
        Plan plan = new Planner().plan(rig.host(), profile);
        assertThat(plan.problems()).isEmpty();
        String script = plan.steps().stream().map(s -> PlanPreview.files(s).get(reapply.scriptPath())).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError("no " + reapply.scriptPath() + " in the plan:\n" + PlanPreview.text(plan)));
        assertThat(PlanPreview.text(plan)).contains("ExecStart=" + "/usr/local/sbin/nettune-reapply-%i");

        String bootBefore = guest(rig, "cat /proc/sys/kernel/random/boot_id");
        rig.reboot();
        assertThat(guest(rig, "cat /proc/sys/kernel/random/boot_id")).as("a new boot").isNotEqualTo(bootBefore);
        assertThat(guest(rig, "ethtool -l eth0 | tail -n 2 | grep Combined")).as("what the reboot left").endsWith("4");
        assertThat(guest(rig, "test -e " + reapply.scriptPath() + " || echo gone")).as("no disk: the script is written again").isEqualTo("gone");
        rig.host().run(Command.of("sh", "-c", "mkdir -p /usr/local/sbin && cat > " + reapply.scriptPath() + " && chmod 755 "
                + reapply.scriptPath()).withStdin(script), RigGuest.COMMAND_TIMEOUT).stdoutOrThrow();

        // nettune-reapply@eth0.service: ExecStart=/usr/local/sbin/nettune-reapply-%i with %i = eth0.
        rig.run(reapply.scriptPath()).stdoutOrThrow();

        assertThat(guest(rig, "ethtool -l eth0 | tail -n 2 | grep Combined")).endsWith("3");
        assertThat(guest(rig, "cat /sys/class/net/eth0/queues/tx-0/xps_cpus /sys/class/net/eth0/queues/tx-1/xps_cpus"
                + " /sys/class/net/eth0/queues/tx-2/xps_cpus").lines().toList()).containsExactly("3", "c", "f");
        EthtoolRss live = rig.rss();
        assertThat(live.key().orElseThrow().toColonHex()).isEqualTo(key);
        assertThat(live.table().orElseThrow().entries()).containsOnly(0, 1, 2);
        // RSS is off after a boot until the first ethtool -X: only traffic shows the device uses this key and table.
        RssCalculator calc = new RssCalculator(live.key().orElseThrow(), live.table().orElseThrow());
        List<Flow> flows = RigTuning.flows(29, 12);
        for (int q = 0; q < 3; q++) {
            InjectedFlows batch = RigTuning.predictedFor(calc, flows, q);
            long[] expected = new long[3];
            expected[q] = batch.frames();
            long[] landed = rig.inject(batch, 3);
            RigGuest.figure(report, "after the boot re-apply, queue " + q, batch.lines().size() + " flows predicted, landed per queue "
                    + java.util.Arrays.toString(landed));
            assertThat(landed).as("frames per queue for the flows predicted on queue " + q).containsExactly(expected);
        }
    }
}
