package dev.nettune.rig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.linux.EthtoolRss;
import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssCalculator;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import dev.nettune.testing.InjectedFlows;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A key and table applied through the tuning engine are what the real device then hashes with. */
@ExtendWith(RigExtension.class)
class RigRssTest {
    static final RssKey KEY = RssKey.parse(
            "3c:a1:5e:07:92:d4:6b:f0:18:2e:c7:59:a3:0d:64:be:71:f2:88:4a:2d:e6:93:15:5c:0b:ae:37:c9:62:1f:84:d0:7a:46:e1:95:28:bb:03");

    @TempDir
    Path dir;
    RigTuning tuning;

    @BeforeEach
    void fourQueuesDefaultTable(RigGuest rig) throws Exception {
        rig.reset();
        tuning = new RigTuning(rig, dir);
    }

    @Test
    void aKeyAndWeightTableAppliedByTheEngineReadBackFromTheDevice(RigGuest rig) throws Exception {
        ApplyResult r = tuning.apply(tuning.plan(new RssKeyChange(RigGuest.NIC, KEY.toColonHex()),
                new RssTableChange(RigGuest.NIC, "weight 1 2 3 2")));

        assertThat(r.status()).as(r.message()).isEqualTo(Journal.PlanStatus.APPLIED);
        EthtoolRss back = rig.rss();
        assertThat(back.key()).contains(KEY);
        assertThat(back.table()).contains(TableSpec.parse("weight 1 2 3 2").build(128, OptionalInt.of(4)));
        assertThat(tuning.plan(new RssKeyChange(RigGuest.NIC, KEY.toColonHex()), new RssTableChange(RigGuest.NIC, "weight 1 2 3 2"))
                .nothingToDo()).isTrue();
    }

    @Test
    void afterAnEthtoolXEveryFlowLandsOnTheQueueTheCalculatorPredictsFromTheLiveKeyAndTable(RigGuest rig, TestReporter report) throws Exception {
        tuning.apply(tuning.plan(new RssKeyChange(RigGuest.NIC, KEY.toColonHex()), new RssTableChange(RigGuest.NIC, "weight 1 2 3 2")));
        EthtoolRss live = rig.rss();
        RssCalculator calc = new RssCalculator(live.key().orElseThrow(), live.table().orElseThrow());
        List<Flow> flows = RigTuning.flows(7, 32);

        // One queue's predicted flows at a time: each batch must arrive whole on its queue and nowhere else.
        for (int q = 0; q < RigGuest.QUEUES; q++) {
            InjectedFlows batch = RigTuning.predictedFor(calc, flows, q);
            long[] expected = new long[RigGuest.QUEUES];
            expected[q] = batch.frames();
            if (batch.lines().isEmpty()) {
                continue;
            }
            long[] landed = rig.inject(batch, RigGuest.QUEUES);
            RigGuest.figure(report, "queue " + q, batch.lines().size() + " flows predicted, landed per queue " + java.util.Arrays.toString(landed));
            assertThat(landed).as("frames per queue for the flows predicted on queue " + q).containsExactly(expected);
        }
        assertThat(flows.stream().map(f -> calc.calculate(f).queue()).distinct().count()).as("the flows cover every queue").isEqualTo(4);
    }

    @Test
    void anEqualTableOverTwoQueuesLeavesTheOtherTwoWithoutTraffic(RigGuest rig, TestReporter report) throws Exception {
        tuning.apply(tuning.plan(new RssTableChange(RigGuest.NIC, "equal 2")));
        EthtoolRss live = rig.rss();
        assertThat(live.table()).contains(IndirectionTable.equal(128, 2, 0, OptionalInt.of(4)));

        List<Flow> flows = RigTuning.flows(11, 16);
        InjectedFlows all = new InjectedFlows(flows.stream().map(f -> new InjectedFlows.Line(f, 1)).toList());
        long[] predicted = all.predictedFrames(new RssCalculator(live.key().orElseThrow(), live.table().orElseThrow()), 4);

        long[] landed = rig.inject(all, RigGuest.QUEUES);
        RigGuest.figure(report, "equal 2", "predicted " + java.util.Arrays.toString(predicted) + ", landed " + java.util.Arrays.toString(landed));
        assertThat(landed).containsExactly(predicted);
        assertThat(predicted[2] + predicted[3]).isZero();
    }
}
