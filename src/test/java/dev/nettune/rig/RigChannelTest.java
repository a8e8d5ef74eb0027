package dev.nettune.rig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.CommandResult;
import dev.nettune.linux.Channels;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssCalculator;
import dev.nettune.testing.InjectedFlows;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.ChannelChange;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the real guest taught about channel changes, and NetTune's tuning plan around them. */
@ExtendWith(RigExtension.class)
class RigChannelTest {
    @TempDir
    Path dir;
    RigTuning tuning;

    @BeforeEach
    void fourQueuesWithACustomKeyAndWeightTable(RigGuest rig) throws Exception {
        rig.reset();
        tuning = new RigTuning(rig, dir);
        ApplyResult r = tuning.apply(tuning.plan(new RssKeyChange(RigGuest.NIC, RigRssTest.KEY.toColonHex()),
                new RssTableChange(RigGuest.NIC, "weight 1 2 3 2")));
        assertThat(r.status()).as(r.message()).isEqualTo(Journal.PlanStatus.APPLIED);
    }

    private static int channels(RigGuest rig) throws Exception {
        return Channels.parse(rig.run("ethtool", "-l", RigGuest.NIC).stdoutOrThrow()).rxQueues();
    }

    @Test
    void fewerChannelsThanACustomTableReferencesAreRefusedByTheKernel(RigGuest rig) throws Exception {
        CommandResult r = rig.run("ethtool", "-L", RigGuest.NIC, "combined", "2");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("requested channel counts are too low for existing indirection table settings");
        assertThat(channels(rig)).isEqualTo(4);
    }

    @Test
    void theTuningPlanResetsTheTableFirstThenChangesChannelsThenPushesKeyAndTable(RigGuest rig) throws Exception {
        Plan plan = tuning.plan(new ChannelChange(RigGuest.NIC, 2));

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.steps()).extracting(s -> s.change().target() + " " + s.change().show(s.after())).containsExactly(
                "rss-table eth0 default (128 entries, 4 rings)", "channels eth0 2 (max 4)",
                "rss-key eth0 " + RigRssTest.KEY.toColonHex(), "rss-table eth0 default (128 entries, 2 rings)");

        ApplyResult r = tuning.apply(plan);

        assertThat(r.status()).as(r.message()).isEqualTo(Journal.PlanStatus.APPLIED);
        assertThat(channels(rig)).isEqualTo(2);
        EthtoolRss after = rig.rss();
        assertThat(after.key()).contains(RigRssTest.KEY);
        assertThat(after.table()).contains(IndirectionTable.defaultFor(128, 2));
    }

    @Test
    void afterTheEnginesChannelChangeEveryFlowLandsWhereTheLiveKeyAndTableSay(RigGuest rig, TestReporter report) throws Exception {
        ApplyResult r = tuning.apply(tuning.plan(new ChannelChange(RigGuest.NIC, 2)));
        assertThat(r.status()).as(r.message()).isEqualTo(Journal.PlanStatus.APPLIED);
        EthtoolRss live = rig.rss();
        RssCalculator calc = new RssCalculator(live.key().orElseThrow(), live.table().orElseThrow());
        List<Flow> flows = RigTuning.flows(23, 16);

        for (int q = 0; q < 2; q++) {
            InjectedFlows batch = RigTuning.predictedFor(calc, flows, q);
            long[] expected = new long[2];
            expected[q] = batch.frames();
            long[] landed = rig.inject(batch, 2);
            RigGuest.figure(report, "queue " + q, batch.lines().size() + " flows predicted, landed per queue " + java.util.Arrays.toString(landed));
            assertThat(landed).as("frames per queue for the flows predicted on queue " + q).containsExactly(expected);
        }
    }

    @Test
    void aBareChannelChangeSwitchesRssOffWhileEthtoolXStillShowsTheOldTable(RigGuest rig, TestReporter report) throws Exception {
        rig.run("ethtool", "-X", RigGuest.NIC, "default").stdoutOrThrow();
        rig.run("ethtool", "-L", RigGuest.NIC, "combined", "2").stdoutOrThrow();
        EthtoolRss shown = rig.rss();
        List<Flow> flows = RigTuning.flows(29, 16);
        InjectedFlows all = new InjectedFlows(flows.stream().map(f -> new InjectedFlows.Line(f, 1)).toList());
        long[] predicted = all.predictedFrames(new RssCalculator(shown.key().orElseThrow(), shown.table().orElseThrow()), 2);

        long[] landed = rig.inject(all, 2);
        RigGuest.figure(report, "bare -L 2", "shown table predicts " + java.util.Arrays.toString(predicted) + ", landed " + java.util.Arrays.toString(landed));

        assertThat(shown.ringCount()).hasValue(2);
        assertThat(shown.table().orElseThrow().highestQueue()).as("the shown table still names queues 2 and 3").isEqualTo(3);
        assertThat(landed[0] + landed[1]).isEqualTo(16);
        assertThat(predicted.length > 2 ? predicted[2] + predicted[3] : 0).as("frames the shown table sends to queues that are gone")
                .isPositive();
    }
}
