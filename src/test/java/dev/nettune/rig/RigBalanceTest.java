package dev.nettune.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.nettune.app.BalanceService;
import dev.nettune.monitor.DesignedResult;
import dev.nettune.monitor.Verdict;
import dev.nettune.rss.Flow;
import dev.nettune.rss.balance.BalanceMode;
import dev.nettune.rss.balance.BalanceProposal;
import dev.nettune.rss.balance.BalanceReport;
import dev.nettune.rss.balance.KeySearch;
import dev.nettune.rss.balance.ObservedFlow;
import dev.nettune.rss.balance.WeightUnit;
import dev.nettune.testing.InjectedFlows;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The balance advisor against the real guest: a skewed population's proposal, applied through the tuning engine,
 * is what the device then does (per-queue frames equal the predicted loads), and the designed verification passes.
 */
@ExtendWith(RigExtension.class)
class RigBalanceTest {
    @TempDir
    Path dir;

    /** 40 flows towards the guest: three heavy ones (24 frames each), the rest 1 to 4 frames. */
    static InjectedFlows skewed() {
        List<Flow> flows = RigTuning.flows(21, 40);
        List<InjectedFlows.Line> lines = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            lines.add(new InjectedFlows.Line(flows.get(i), i < 3 ? 24 : 1 + i % 4));
        }
        return new InjectedFlows(lines);
    }

    @Test
    void anAppliedProposalIsWhatTheDeviceThenDoesAndTheDesignedVerificationPasses(RigGuest rig, TestReporter report)
            throws Exception {
        assumeFalse(new RigDesignedVerifierTest().is612(rig), "the 6.12 guest hashes with a shifted key: no prediction holds");
        rig.reset();
        RigTuning tuning = new RigTuning(rig, dir);
        // RSS is active only after an ethtool -X: today's mapping is a pushed key and an equal table.
        assertThat(tuning.apply(tuning.planRepush(new RssKeyChange(RigGuest.NIC, RigRssTest.KEY.toColonHex()),
                new RssTableChange(RigGuest.NIC, "equal 4"))).status()).isEqualTo(Journal.PlanStatus.APPLIED);

        InjectedFlows population = skewed();
        List<ObservedFlow> observed = population.lines().stream().map(l -> new ObservedFlow(l.flow(), l.frames())).toList();
        BalanceService service = new BalanceService(new KeySearch.Options(3000, 20_000_000L, 1));
        BalanceService.HostFlows live = service.read(rig.host(), RigGuest.NIC, WeightUnit.PACKETS, BalanceService.FlowSource.SS);
        BalanceReport advice = service.advise(observed, live.key(), live.table(), EnumSet.of(BalanceMode.WEIGHTS, BalanceMode.BOTH),
                () -> false);
        BalanceProposal best = advice.best().orElseThrow(() -> new AssertionError("no proposal beats today: " + advice.today()));
        RigGuest.figure(report, "balance", advice.today() + " -> " + best.mode().label() + " " + best.stats());

        ApplyResult applied = tuning.apply(BalanceService.plan(rig.host(), RigGuest.NIC, best, java.util.Locale.ENGLISH));
        assertThat(applied.status()).as(applied.message()).isEqualTo(Journal.PlanStatus.APPLIED);

        long[] landed = rig.inject(population, RigGuest.QUEUES);
        RigGuest.figure(report, "per queue", "predicted " + Arrays.toString(best.stats().queueLoads()) + ", landed "
                + Arrays.toString(landed));
        assertThat(best.stats().firstQueue()).isZero();
        assertThat(landed).containsExactly(best.stats().queueLoads());
        assertThat(best.stats().maxOverMean()).isLessThan(advice.today().maxOverMean());

        DesignedResult verified = new RigDesignedVerifierTest().verify(rig, tuning, report);
        assertThat(verified.verdict()).as(verified.explanation()).isEqualTo(Verdict.PASS);
    }
}
