package dev.nettune.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.app.AppContext;
import dev.nettune.cli.CliRun;
import dev.nettune.app.RssInEffect;
import dev.nettune.host.HostStateReader;
import dev.nettune.linux.CounterSource;
import dev.nettune.linux.HostState;
import dev.nettune.monitor.DesignedResult;
import dev.nettune.monitor.DesignedTraffic;
import dev.nettune.monitor.DesignedVerdict;
import dev.nettune.monitor.DesignedVerifier;
import dev.nettune.monitor.Explanation;
import dev.nettune.monitor.Hping3Sender;
import dev.nettune.monitor.HostCounterReader;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.Verdict;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.PortSide;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bookworm-backports 6.12 guest ({@code -Prig -Dnettune.rig.kernel=6.12}): its device hashes with the key shifted
 * by one byte although {@code ethtool -x} shows the right key, and its virtio_net has no per-queue packet counters in
 * {@code ethtool -S}. The real {@code nettune verify} says FAIL with exit 1 naming the shifted key, and so does the
 * designed verification counting only {@code /proc/interrupts}. Skipped on the 6.1 guest.
 */
@ExtendWith(RigExtension.class)
class RigKernel612Test {
    /** A built-in host name for the rig's namespace as the hping3 sender (the namespace has no SSH server). */
    static final String SENDER = "rig-netns";

    @TempDir
    Path dir;

    @BeforeEach
    void onlyOnTheSixTwelveGuest(RigGuest rig) throws Exception {
        assumeTrue(rig.run("uname", "-r").stdoutOrThrow().startsWith("6.12"),
                "boot the 6.12 guest for this class: -Dnettune.rig.kernel=6.12");
        rig.reset();
    }

    @Test
    void ethtoolStatsHaveNoPerQueuePacketsSoTheHostStateCountsQueueInterrupts(RigGuest rig) throws Exception {
        HostState state = new HostStateReader().read(rig.host());

        assertThat(rig.run("ethtool", "-S", RigGuest.NIC).stdoutOrThrow()).doesNotContain("rx_queue_0_packets").contains("rx0_kicks");
        assertThat(state.nic(RigGuest.NIC).orElseThrow().counters().asOptional().orElseThrow().source())
                .isEqualTo(CounterSource.PROC_INTERRUPTS);
    }

    @Test
    void theVerifyCommandSaysFailWithExitOneAndNamesTheKeyShiftedByOneByte(RigGuest rig, TestReporter report) throws Exception {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            context.builtInHosts().register(SENDER, RigNamespaceHost::new);
            String receiver = "root@127.0.0.1:" + RigGuest.SSH_PORT;
            String[] connection = {"-i", rig.dir().resolve("keys/id_ed25519").toString(), "--known-hosts", rig.knownHosts().toString()};
            CliRun applied = CliRun.in(context, concat(new String[] {"rss", "apply", receiver, "--nic", RigGuest.NIC, "--key",
                    RigRssTest.KEY.toColonHex(), "--weight", "1", "2", "3", "2", "--force"}, connection));
            assertThat(applied.exit()).as(applied.text()).isZero();
            long t0 = System.nanoTime();

            CliRun verify = CliRun.in(context, concat(new String[] {"verify", receiver, "--nic", RigGuest.NIC, "--sender", SENDER,
                    "--src", "198.18.0.1", "--dst", RigGuest.GUEST_ADDRESS}, connection));

            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            RigGuest.figure(report, "nettune verify on 6.12", "exit " + verify.exit() + String.format(Locale.ROOT, " in %.1f s",
                    took.toMillis() / 1000.0) + " at load " + RigGuest.load() + "\n" + verify.text());
            assertThat(verify.exit()).as(verify.text()).isEqualTo(1);
            assertThat(verify.text()).contains("FAIL (false-pass probability").contains("key shifted by one byte");
            assertThat(took).as("the verify command from start to verdict").isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    void countingOnlyQueueInterruptsTheDesignedVerificationStillNamesTheShiftedKey(RigGuest rig, TestReporter report)
            throws Exception {
        RigTuning tuning = new RigTuning(rig, dir);
        assertThat(tuning.apply(tuning.planRepush(new RssKeyChange(RigGuest.NIC, RigRssTest.KEY.toColonHex()),
                new RssTableChange(RigGuest.NIC, "weight 1 2 3 2"))).status()).isEqualTo(Journal.PlanStatus.APPLIED);
        DesignedVerifier v = new DesignedVerifier(rig.host(), RigGuest.NIC,
                new HostCounterReader(rig.host(), NicIdentity.read(rig.host(), RigGuest.NIC)), d -> Thread.sleep(d.toMillis()),
                Duration.ofSeconds(1), Duration.ofMillis(1000), Optional.empty());
        DesignedTraffic traffic = new DesignedTraffic(IpAddress.parse("198.18.0.1"), IpAddress.parse(RigGuest.GUEST_ADDRESS),
                PortSide.SOURCE, 10000, 60000, 80, 20, 1000);

        DesignedResult r = v.run(traffic, new Hping3Sender(new RigNamespaceHost()), Optional.empty(), Optional.empty(),
                new DesignedVerdict.Context(new RssInEffect(tuning.journal()).reasonRssMayBeOff(rig.host(), RigGuest.NIC)),
                RigGuest.timedProgress(new java.util.ArrayList<>()));

        RigGuest.figure(report, "designed verification on 6.12 by interrupts", r.verdict() + String.format(Locale.ROOT,
                " in %.1f s", r.elapsed().toMillis() / 1000.0) + " at load " + RigGuest.load() + " (" + r.counterSource() + "): " + r.explanation());
        r.bursts().forEach(b -> RigGuest.figure(report, "burst for queue " + b.burst().queue(), java.util.Arrays.toString(b.excess())));
        assertThat(r.counterSource()).startsWith(CounterSource.PROC_INTERRUPTS.label());
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause()).as(r.explanation()).isEqualTo(Explanation.SHIFTED_KEY);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
