package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxSender;
import dev.nettune.sandbox.SandboxTraffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The designed verification against the sandbox pair and each trap a real NIC sets, background traffic on. */
class DesignedVerifierSandboxTest {
    final SandboxInstance sandbox = SandboxInstance.demo();
    final SandboxTraffic traffic = new SandboxTraffic(sandbox, 11);
    final List<String> progress = new ArrayList<>();
    static final DesignedTraffic TRAFFIC = DesignedTraffic.sourcePorts(SandboxTraffic.SENDER, SandboxTraffic.ACCEPTER, 10000, 60000, 80);

    @AfterEach
    void stop() {
        traffic.close();
    }

    DesignedResult verify(TrafficSender sender, DesignedVerdict.Context context) throws Exception {
        NicIdentity id = NicIdentity.read(sandbox, "eth1");
        DesignedVerifier v = new DesignedVerifier(sandbox, "eth1", new HostCounterReader(sandbox, id), d -> Thread.sleep(d.toMillis()),
                Duration.ofMillis(300), Duration.ofMillis(30), Optional.empty());
        return v.run(TRAFFIC, sender, Optional.empty(), Optional.empty(), context, p -> progress.add(p.toString()));
    }

    DesignedResult verify() throws Exception {
        return verify(new SandboxSender(traffic, "eth1"), DesignedVerdict.Context.none());
    }

    void ethtool(String... args) throws Exception {
        sandbox.run(Command.of("ethtool", args).asRoot(), Duration.ofSeconds(5)).stdoutOrThrow();
    }

    @Test
    void passesWhenTheNicSteersAsItsKeyAndTableSay() throws Exception {
        DesignedResult r = verify();
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        assertThat(r.falsePassProbability()).isLessThanOrEqualTo(1e-6);
        assertThat(r.bursts()).hasSize(4).allMatch(b -> b.predictedShare() == 1.0);
        assertThat(r.commands()).first().asString().startsWith("sudo hping3 10.0.0.5 -S -p 80 -s ").contains("--keep")
                .contains("-d 16");
    }

    @Test
    void passesUnderTheMonitorsBusyBackgroundBecauseEachBurstOutnumbersIt() throws Exception {
        // The GUI's sandbox runs ~2,500 pkt/s of background flows: 3 flows x 50 packets drown in it over a 1 s window.
        traffic.startBackground("eth1", 2500);
        NicIdentity id = NicIdentity.read(sandbox, "eth1");
        DesignedVerifier v = new DesignedVerifier(sandbox, "eth1", new HostCounterReader(sandbox, id), d -> Thread.sleep(d.toMillis()),
                Duration.ofSeconds(2), Duration.ofMillis(1000), Optional.empty());
        DesignedResult r = v.run(TRAFFIC, new SandboxSender(traffic, "eth1"), Optional.empty(), Optional.empty(),
                DesignedVerdict.Context.none(), p -> progress.add(p.toString()));
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aFreshBootBeforeTheFirstSetFailsNamingRssNotActive() throws Exception {
        sandbox.faults().rssInactiveUntilFirstSet(true);
        sandbox.reboot();
        DesignedResult r = verify(new SandboxSender(traffic, "eth1"), new DesignedVerdict.Context(Optional.of(dev.nettune.Phrase.literal(
                "NetTune has not set the key and table since this boot, and virtio_net ignores the table until the first ethtool -X"))));
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause()).as(r.explanation()).isEqualTo(Explanation.RSS_NOT_ACTIVE);
        assertThat(r.fix()).isPresent();
    }

    @Test
    void pushingKeyAndTableAgainAfterBootMakesItPass() throws Exception {
        sandbox.faults().rssInactiveUntilFirstSet(true);
        sandbox.reboot();
        ethtool("-X", "eth1", "equal", "4");
        assertThat(verify().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aChannelChangeAfterTheLastSetFailsNamingRssNotActive() throws Exception {
        sandbox.faults().rssInactiveUntilFirstSet(true);
        ethtool("-X", "eth1", "default");
        ethtool("-L", "eth1", "combined", "2");
        ethtool("-L", "eth1", "combined", "4");
        DesignedResult r = verify(new SandboxSender(traffic, "eth1"),
                new DesignedVerdict.Context(Optional.of(dev.nettune.Phrase.literal("the channels changed after NetTune last set the table"))));
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause()).isEqualTo(Explanation.RSS_NOT_ACTIVE);
    }

    @Test
    void aKeyShiftedByOneByteFailsNamingIt() throws Exception {
        sandbox.faults().keyShiftedByOneByte(true);
        DesignedResult r = verify();
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause()).as(r.explanation()).isEqualTo(Explanation.SHIFTED_KEY);
        assertThat(r.explanation()).contains("cannot hold");
    }

    @Test
    void trafficThatNeverArrivesIsRetriedSlowerThenInconclusive() throws Exception {
        SandboxSender real = new SandboxSender(traffic, "eth1");
        List<Burst> sent = new ArrayList<>();
        TrafficSender lost = new LostSender(real, sent);
        DesignedResult r = verify(lost, DesignedVerdict.Context.none());
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.explanation()).contains("saw 0 packets").contains("twice");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).intervalMicros()).isEqualTo(sent.get(0).intervalMicros() * 10);
    }

    @Test
    void aSenderThatIsNotReadyMeansItCouldNotRun() throws Exception {
        TrafficSender missing = new LostSender(new SandboxSender(traffic, "eth1"), new ArrayList<>()) {
            @Override
            public Readiness check() {
                return new Readiness(false, dev.nettune.Phrase.literal("hping3 is not installed on sender. Install it with `sudo apt-get install -y hping3`."));
            }
        };
        DesignedResult r = verify(missing, DesignedVerdict.Context.none());
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_RUN);
        assertThat(r.explanation()).contains("apt-get install -y hping3");
    }

    /** A sender whose packets are lost on the way; it records what it was asked to send. */
    static class LostSender implements TrafficSender {
        final SandboxSender real;
        final List<Burst> sent;

        LostSender(SandboxSender real, List<Burst> sent) {
            this.real = real;
            this.sent = sent;
        }

        @Override
        public dev.nettune.Phrase describe() {
            return dev.nettune.Phrase.literal("a sender whose packets are lost");
        }

        @Override
        public Readiness check() {
            return real.check();
        }

        @Override
        public List<Command> commands(TestTraffic t) {
            return real.commands(t);
        }

        @Override
        public void send(TestTraffic t) {
        }

        @Override
        public List<Command> commands(Burst b) {
            return real.commands(b);
        }

        @Override
        public void send(Burst b) {
            sent.add(b);
        }
    }
}
