package dev.nettune.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.app.RssInEffect;
import dev.nettune.host.local.LocalHost;
import dev.nettune.monitor.DesignedResult;
import dev.nettune.monitor.DesignedTraffic;
import dev.nettune.monitor.DesignedVerdict;
import dev.nettune.monitor.DesignedVerifier;
import dev.nettune.monitor.Explanation;
import dev.nettune.monitor.HostCounterReader;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.Verdict;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The designed verification against the real guest, the rig's injector as the sender: PASS after NetTune pushed key
 * and table, FAIL after a hand-made channel change, and on the 6.12 guest (-Dnettune.rig.img=.../out-6.12) FAIL naming
 * the shifted key. Reports the end-to-end time.
 */
@ExtendWith(RigExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class RigDesignedVerifierTest {
    @TempDir
    Path dir;

    static final DesignedTraffic TRAFFIC = new DesignedTraffic(dev.nettune.rss.IpAddress.parse("198.51.100.7"),
            dev.nettune.rss.IpAddress.parse(RigGuest.GUEST_ADDRESS), dev.nettune.rss.PortSide.SOURCE, 10000, 60000, 80, 20, 1000);

    DesignedResult verify(RigGuest rig, RigTuning tuning, TestReporter report) throws Exception {
        Optional<dev.nettune.Phrase> why = new RssInEffect(tuning.journal()).reasonRssMayBeOff(rig.host(), RigGuest.NIC);
        DesignedVerifier v = new DesignedVerifier(rig.host(), RigGuest.NIC,
                new HostCounterReader(rig.host(), NicIdentity.read(rig.host(), RigGuest.NIC)), d -> Thread.sleep(d.toMillis()),
                Duration.ofSeconds(1), Duration.ofMillis(700), Optional.empty());
        List<String> progress = new ArrayList<>();
        DesignedResult r = v.run(TRAFFIC, new RigInjectorSender(new LocalHost(), rig.dir()), Optional.empty(), Optional.empty(),
                new DesignedVerdict.Context(why), RigGuest.timedProgress(progress));
        RigGuest.figure(report, "designed verification", r.verdict() + " in " + String.format(Locale.ROOT, "%.1f s",
                r.elapsed().toMillis() / 1000.0) + " at load " + RigGuest.load() + " (false-pass " + String.format(Locale.ROOT, "%.3g", r.falsePassProbability())
                + "): " + r.explanation());
        r.bursts().forEach(b -> RigGuest.figure(report, "burst for queue " + b.burst().queue(), java.util.Arrays.toString(b.excess())));
        return r;
    }

    boolean is612(RigGuest rig) throws Exception {
        return rig.run("uname", "-r").stdoutOrThrow().startsWith("6.12");
    }

    /** First, and only on a guest booted for this run (-Dnettune.rig.fresh=true): nothing has run ethtool -X yet. */
    @Test
    @org.junit.jupiter.api.Order(1)
    void failsOnAFreshBootNamingRssNotActive(RigGuest rig, TestReporter report) throws Exception {
        assumeTrue(Boolean.getBoolean("nettune.rig.fresh"), "needs a guest that no ethtool -X has touched since boot");
        assumeFalse(is612(rig), "the 6.12 guest is the shifted-key test");
        RigTuning tuning = new RigTuning(rig, dir);

        DesignedResult r = verify(rig, tuning, report);

        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause()).as(r.explanation()).isEqualTo(Explanation.RSS_NOT_ACTIVE);
        assertThat(r.explanation()).contains("since this boot");
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void passesAfterNetTunePushedKeyAndTable(RigGuest rig, TestReporter report) throws Exception {
        assumeFalse(is612(rig), "the 6.12 guest hashes with a shifted key: it cannot pass");
        rig.reset();
        RigTuning tuning = new RigTuning(rig, dir);
        ApplyResult applied = tuning.apply(tuning.planRepush(new RssKeyChange(RigGuest.NIC, RigRssTest.KEY.toColonHex()),
                new RssTableChange(RigGuest.NIC, "weight 1 2 3 2")));
        assertThat(applied.status()).as(applied.message()).isEqualTo(Journal.PlanStatus.APPLIED);

        DesignedResult r = verify(rig, tuning, report);

        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        assertThat(r.falsePassProbability()).isLessThanOrEqualTo(1e-6);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void failsAfterAHandMadeChannelChangeNamingRssNotActive(RigGuest rig, TestReporter report) throws Exception {
        assumeFalse(is612(rig), "the 6.12 guest fails for its shifted key whatever the channels");
        rig.reset();
        RigTuning tuning = new RigTuning(rig, dir);
        assertThat(tuning.apply(tuning.planRepush(new RssKeyChange(RigGuest.NIC, RigRssTest.KEY.toColonHex()),
                new RssTableChange(RigGuest.NIC, "default"))).status()).isEqualTo(Journal.PlanStatus.APPLIED);
        rig.run("ethtool", "-L", RigGuest.NIC, "combined", "2").stdoutOrThrow();
        rig.run("ethtool", "-L", RigGuest.NIC, "combined", "4").stdoutOrThrow();

        DesignedResult r = verify(rig, tuning, report);

        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause()).as(r.explanation()).isEqualTo(Explanation.RSS_NOT_ACTIVE);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void failsOnTheSixTwelveGuestNamingTheShiftedKey(RigGuest rig, TestReporter report) throws Exception {
        assumeTrue(is612(rig), "only the 6.12 guest (IMG=out-6.12) hashes with the key shifted by one byte");
        rig.reset();
        RigTuning tuning = new RigTuning(rig, dir);
        assertThat(tuning.apply(tuning.planRepush(new RssKeyChange(RigGuest.NIC, RigRssTest.KEY.toColonHex()),
                new RssTableChange(RigGuest.NIC, "weight 1 2 3 2"))).status()).isEqualTo(Journal.PlanStatus.APPLIED);

        DesignedResult r = verify(rig, tuning, report);

        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause()).as(r.explanation()).isEqualTo(Explanation.SHIFTED_KEY);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }
}
