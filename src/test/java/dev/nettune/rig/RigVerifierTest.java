package dev.nettune.rig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.local.LocalHost;
import dev.nettune.monitor.HostCounterReader;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.RssVerifier;
import dev.nettune.monitor.TestTraffic;
import dev.nettune.monitor.Verdict;
import dev.nettune.monitor.VerificationResult;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's verifier, scenario 2, against the real guest with the rig's injector as the sender. */
@ExtendWith(RigExtension.class)
class RigVerifierTest {
    @TempDir
    Path dir;

    @Test
    void theFixedFlowScenarioPassesOnTheQueueTheLiveKeyAndTablePredict(RigGuest rig, TestReporter report) throws Exception {
        rig.reset();
        RigTuning tuning = new RigTuning(rig, dir);
        ApplyResult applied = tuning.apply(tuning.plan(new RssKeyChange(RigGuest.NIC, RigRssTest.KEY.toColonHex()),
                new RssTableChange(RigGuest.NIC, "weight 1 2 3 2")));
        assertThat(applied.status()).as(applied.message()).isEqualTo(Journal.PlanStatus.APPLIED);
        RssVerifier verifier = new RssVerifier(rig.host(), RigGuest.NIC,
                new HostCounterReader(rig.host(), NicIdentity.read(rig.host(), RigGuest.NIC)),
                d -> Thread.sleep(d.toMillis()), Duration.ofSeconds(1), Duration.ofSeconds(2));
        List<String> progress = new ArrayList<>();

        VerificationResult r = verifier.run(TestTraffic.fixedFlow("198.51.100.7", RigGuest.GUEST_ADDRESS, 20),
                new RigInjectorSender(new LocalHost(), rig.dir()), p -> progress.add(p.toString()));

        RigGuest.figure(report, "verdict", r.verdict() + ": " + r.explanation());
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        int q = r.predictedQueue().orElseThrow();
        assertThat(r.excessPackets()[q]).isEqualTo(20);
        assertThat(progress).anyMatch(p -> p.startsWith("Predicted queue " + q));
    }
}
