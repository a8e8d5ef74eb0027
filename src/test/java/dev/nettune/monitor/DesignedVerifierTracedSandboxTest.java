package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.sandbox.SandboxFaults;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxSender;
import dev.nettune.sandbox.SandboxTraffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The designed verification with the tracefs tracer on the sandbox: every packet attributed, hashes compared, fallbacks said. */
class DesignedVerifierTracedSandboxTest {
    final SandboxInstance sandbox = SandboxInstance.demo();
    final SandboxTraffic traffic = new SandboxTraffic(sandbox, 13);
    final List<String> progress = new ArrayList<>();

    @AfterEach
    void stop() {
        traffic.close();
    }

    DesignedResult verify() throws Exception {
        NicIdentity id = NicIdentity.read(sandbox, "eth1");
        DesignedVerifier v = new DesignedVerifier(sandbox, "eth1", new HostCounterReader(sandbox, id), d -> Thread.sleep(d.toMillis()),
                Duration.ofMillis(300), Duration.ofMillis(30), Optional.of(new TracefsPacketTracer(sandbox, "eth1")));
        return v.run(DesignedVerifierSandboxTest.TRAFFIC, new SandboxSender(traffic, "eth1"), Optional.empty(), Optional.empty(),
                DesignedVerdict.Context.none(), p -> progress.add(p.toString()));
    }

    @Test
    void passesWithEveryPacketAttributedToItsFlowAndQueue() throws Exception {
        DesignedResult r = verify();

        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        assertThat(r.counterSource()).startsWith("tracefs net:napi_gro_receive_entry on eth1");
        for (BurstObservation o : r.bursts()) {
            assertThat(o.perFlow()).isPresent();
            for (long[] f : o.perFlow().get()) {
                assertThat(f[o.burst().queue()]).isEqualTo(o.burst().packetsPerFlow());
            }
        }
        assertThat(r.hashes()).isEmpty();
    }

    @Test
    void underHeavyBackgroundTheBurstsNeedNotOutnumberIt() throws Exception {
        traffic.startBackground("eth1", 2500);

        DesignedResult r = verify();

        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        assertThat(r.bursts()).allMatch(o -> o.burst().packetsPerFlow() == DesignedVerifierSandboxTest.TRAFFIC.packetsPerFlow());
    }

    @Test
    void leavesTheTracepointsDisarmed() throws Exception {
        verify();

        assertThat(sandbox.run(Command.of("cat", "/sys/kernel/tracing/events/net/napi_gro_receive_entry/enable"),
                Duration.ofSeconds(5)).stdout()).isEqualTo("0\n");
    }

    @Test
    void theShiftedKeyIsCaughtByTheReportedHashWhereTheDriverPassesItUp() throws Exception {
        sandbox.faults().keyShiftedByOneByte(true).hashReported(true);

        DesignedResult r = verify();

        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.FAIL);
        assertThat(r.cause()).isEqualTo(Explanation.SHIFTED_KEY);
        assertThat(r.hashes()).get().extracting(HashEvidence::cause).isEqualTo(Explanation.SHIFTED_KEY);
        assertThat(r.explanation()).contains("hash the driver reported differs");
    }

    @Test
    void reportedHashesEqualToTheLiveKeysAreSaidBesideThePass() throws Exception {
        sandbox.faults().hashReported(true);

        DesignedResult r = verify();

        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        assertThat(r.hashes()).get().matches(HashEvidence::agrees);
        assertThat(r.explanation()).contains("equals NetTune's Toeplitz over the live key");
    }

    @Test
    void withoutTracefsItFallsBackToCounterDeltasAndSaysWhy() throws Exception {
        sandbox.faults().tracefs(SandboxFaults.Tracefs.MISSING);

        DesignedResult r = verify();

        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        assertThat(r.counterSource()).contains("no per-packet trace: no tracefs with net:napi_gro_receive_entry");
        assertThat(r.bursts()).allMatch(o -> o.perFlow().isEmpty());
        assertThat(progress).anyMatch(p -> p.startsWith("No per-packet attribution (no tracefs"));
    }

    @Test
    void theShiftedKeyTrapStillFailsThroughTheQueuesWhereNoHashIsReported() throws Exception {
        sandbox.faults().keyShiftedByOneByte(true);

        DesignedResult r = verify();

        assertThat(r.cause()).as(r.explanation()).isEqualTo(Explanation.SHIFTED_KEY);
        assertThat(r.hashes()).isEmpty();
    }
}
