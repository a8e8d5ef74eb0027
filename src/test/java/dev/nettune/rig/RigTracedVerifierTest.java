package dev.nettune.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.app.RssInEffect;
import dev.nettune.monitor.BurstObservation;
import dev.nettune.monitor.DesignedResult;
import dev.nettune.monitor.DesignedVerdict;
import dev.nettune.monitor.DesignedVerifier;
import dev.nettune.monitor.Explanation;
import dev.nettune.monitor.Hping3Sender;
import dev.nettune.monitor.HostCounterReader;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.TracefsPacketTracer;
import dev.nettune.monitor.Verdict;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The designed verification on the real guest with per-packet attribution: the tracefs tracer arms the 6.1 (or 6.12)
 * kernel's receive tracepoints (mounting tracefs, which the guest's init does not), and real hping3 sends the designed
 * flows from the rig's namespace with their own payload lengths. Reports the end-to-end time.
 */
@ExtendWith(RigExtension.class)
class RigTracedVerifierTest {
    @TempDir
    Path dir;

    DesignedResult verify(RigGuest rig, RigTuning tuning, TestReporter report) throws Exception {
        Optional<dev.nettune.Phrase> why = new RssInEffect(tuning.journal()).reasonRssMayBeOff(rig.host(), RigGuest.NIC);
        DesignedVerifier v = new DesignedVerifier(rig.host(), RigGuest.NIC,
                new HostCounterReader(rig.host(), NicIdentity.read(rig.host(), RigGuest.NIC)), d -> Thread.sleep(d.toMillis()),
                Duration.ofSeconds(1), Duration.ofMillis(700), Optional.of(new TracefsPacketTracer(rig.host(), RigGuest.NIC)));
        List<String> progress = new ArrayList<>();
        DesignedResult r = v.run(RigDesignedVerifierTest.TRAFFIC, new Hping3Sender(new RigNamespaceHost()), Optional.empty(),
                Optional.empty(), new DesignedVerdict.Context(why), RigGuest.timedProgress(progress));
        RigGuest.figure(report, "traced designed verification", r.verdict() + " in " + String.format(Locale.ROOT, "%.1f s",
                r.elapsed().toMillis() / 1000.0) + " at load " + RigGuest.load() + " (false-pass " + String.format(Locale.ROOT, "%.3g", r.falsePassProbability())
                + ", counted from " + r.counterSource() + "): " + r.explanation());
        for (BurstObservation b : r.bursts()) {
            RigGuest.figure(report, "burst for queue " + b.burst().queue(), b.perFlow().map(p -> p.stream().map(Arrays::toString)
                    .toList().toString()).orElse("counters " + Arrays.toString(b.excess())));
        }
        return r;
    }

    boolean is612(RigGuest rig) throws Exception {
        return rig.run("uname", "-r").stdoutOrThrow().startsWith("6.12");
    }

    void push(RigGuest rig, RigTuning tuning, String table) throws Exception {
        rig.reset();
        assertThat(tuning.apply(tuning.planRepush(new RssKeyChange(RigGuest.NIC, RigRssTest.KEY.toColonHex()),
                new RssTableChange(RigGuest.NIC, table))).status()).isEqualTo(Journal.PlanStatus.APPLIED);
    }

    @Test
    void passesWithEveryDesignedPacketTracedToItsQueue(RigGuest rig, TestReporter report) throws Exception {
        assumeFalse(is612(rig), "the 6.12 guest hashes with a shifted key: it cannot pass");
        assumeTrue(new dev.nettune.host.local.LocalHost().run(dev.nettune.host.Command.of("sh", "-c", "command -v hping3"),
                Duration.ofSeconds(5)).ok(), "hping3 is not installed on this machine (apt-get install hping3)");
        RigTuning tuning = new RigTuning(rig, dir);
        push(rig, tuning, "weight 1 2 3 2");

        DesignedResult r = verify(rig, tuning, report);

        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        assertThat(r.counterSource()).startsWith("tracefs net:napi_gro_receive_entry on eth0");
        for (BurstObservation b : r.bursts()) {
            for (long[] f : b.perFlow().orElseThrow()) {
                assertThat(f[b.burst().queue()]).as("a flow of the burst for queue " + b.burst().queue())
                        .isEqualTo(Arrays.stream(f).sum()).isPositive();
            }
        }
        assertThat(r.hashes()).as("virtio_net passes no hash up").isEmpty();
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void leavesTracefsAsItFoundIt(RigGuest rig, TestReporter report) throws Exception {
        assumeFalse(is612(rig), "the 6.1 guest is enough to check the clean-up");
        String before = rig.run("sh", "-c", "grep -c ' /sys/kernel/tracing ' /proc/mounts || true").stdoutOrThrow().strip();
        RigTuning tuning = new RigTuning(rig, dir);
        push(rig, tuning, "equal 4");

        verify(rig, tuning, report);

        assertThat(rig.run("sh", "-c", "grep -c ' /sys/kernel/tracing ' /proc/mounts || true").stdoutOrThrow().strip())
                .isEqualTo(before);
        if (!before.equals("0")) {
            assertThat(rig.run("cat", "/sys/kernel/tracing/events/net/napi_gro_receive_entry/enable").stdoutOrThrow())
                    .isEqualTo("0\n");
        }
    }

    @Test
    void failsAfterAHandMadeChannelChangeWithEveryPacketTraced(RigGuest rig, TestReporter report) throws Exception {
        assumeFalse(is612(rig), "the 6.12 guest fails for its shifted key whatever the channels");
        RigTuning tuning = new RigTuning(rig, dir);
        push(rig, tuning, "default");
        rig.run("ethtool", "-L", RigGuest.NIC, "combined", "2").stdoutOrThrow();
        rig.run("ethtool", "-L", RigGuest.NIC, "combined", "4").stdoutOrThrow();

        DesignedResult r = verify(rig, tuning, report);

        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause()).as(r.explanation()).isEqualTo(Explanation.RSS_NOT_ACTIVE);
        assertThat(r.bursts()).allMatch(b -> b.perFlow().isPresent());
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void failsOnTheSixTwelveGuestNamingTheShiftedKey(RigGuest rig, TestReporter report) throws Exception {
        assumeTrue(is612(rig), "only the 6.12 guest (IMG=out-6.12) hashes with the key shifted by one byte");
        RigTuning tuning = new RigTuning(rig, dir);
        push(rig, tuning, "weight 1 2 3 2");

        DesignedResult r = verify(rig, tuning, report);

        assertThat(r.cause()).as(r.explanation()).isEqualTo(Explanation.SHIFTED_KEY);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }
}
