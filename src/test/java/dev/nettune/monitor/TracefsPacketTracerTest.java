package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.linux.RxTraceLine;
import dev.nettune.rss.Flow;
import dev.nettune.sandbox.SandboxFaults;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxTraffic;
import dev.nettune.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tracefs tracer: armed on the sandbox's kernel tracepoints, read per flow and queue, and put back as found. */
class TracefsPacketTracerTest {
    private static final String EVENT = "/sys/kernel/tracing/events/net/napi_gro_receive_entry/";
    private final SandboxInstance sandbox = SandboxInstance.demo();
    private final SandboxTraffic traffic = new SandboxTraffic(sandbox, 5);
    private final TracefsPacketTracer tracer = new TracefsPacketTracer(sandbox, "eth1");
    private final List<DesignedFlow> flows = List.of(
            new DesignedFlow(Flow.tcp("10.0.0.252", "10.0.0.5", 20_001, 80), 0, 16),
            new DesignedFlow(Flow.tcp("10.0.0.252", "10.0.0.5", 20_002, 80), 0, 17),
            new DesignedFlow(Flow.tcp("10.0.0.252", "10.0.0.5", 20_003, 80), 0, 18));

    @AfterEach
    void stop() {
        traffic.close();
    }

    private String cat(String path) throws Exception {
        return sandbox.run(Command.of("cat", path), Duration.ofSeconds(5)).stdout();
    }

    private int send(DesignedFlow f, int packets) throws Exception {
        return traffic.send("eth1", f.flow(), packets, 14 + f.ipLength());
    }

    @Test
    void everyPacketOfEachFlowIsCountedOnTheQueueItArrivedOn() throws Exception {
        assertThat(tracer.arm(flows)).isEmpty();
        int q0 = send(flows.get(0), 5);
        int q2 = send(flows.get(2), 3);
        send(new DesignedFlow(Flow.tcp("10.0.0.252", "10.0.0.5", 20_009, 80), 0, 400), 7);   // background: no designed length

        TracedBurst t = tracer.read(flows, 4);

        assertThat(t.perFlow().get(0)[q0]).isEqualTo(5);
        assertThat(t.perFlow().get(0)).containsOnly(0, 5);
        assertThat(t.perFlow().get(1)).containsOnly(0);
        assertThat(t.perFlow().get(2)[q2]).isEqualTo(3);
        assertThat(t.event()).contains("napi_gro_receive_entry");
        assertThat(t.reportedHashes()).allMatch(h -> h.isEmpty());
    }

    @Test
    void aReadEmptiesTheBufferSoTheNextBurstStartsFromNothing() throws Exception {
        tracer.arm(flows);
        send(flows.get(0), 2);
        tracer.read(flows, 4);

        assertThat(tracer.read(flows, 4).perFlow()).allMatch(f -> java.util.Arrays.stream(f).sum() == 0);
    }

    @Test
    void theFilterNamesTheNicAndTheDesignedLengths() throws Exception {
        tracer.arm(flows);

        assertThat(cat(EVENT + "filter")).isEqualTo("name == \"eth1\" && len >= 56 && len <= 58\n");
        assertThat(cat(EVENT + "enable")).isEqualTo("1\n");
    }

    @Test
    void disarmingPutsEveryFileBackAsItWas() throws Exception {
        sandbox.run(Command.of("tee", "/sys/kernel/tracing/tracing_on").withStdin("0\n"), Duration.ofSeconds(5));
        tracer.arm(flows);
        assertThat(cat("/sys/kernel/tracing/tracing_on")).isEqualTo("1\n");

        tracer.disarm();

        assertThat(cat(EVENT + "enable")).isEqualTo("0\n");
        assertThat(cat(EVENT + "filter")).isEqualTo("none\n");
        assertThat(cat("/sys/kernel/tracing/events/net/netif_receive_skb_entry/enable")).isEqualTo("0\n");
        assertThat(cat("/sys/kernel/tracing/tracing_on")).isEqualTo("0\n");
    }

    @Test
    void withoutTracefsItSaysWhereItLookedAndArmsNothing() throws Exception {
        sandbox.faults().tracefs(SandboxFaults.Tracefs.MISSING);

        Optional<String> why = tracer.arm(flows).map(Object::toString);

        assertThat(why).get().asString().contains("no tracefs with net:napi_gro_receive_entry")
                .contains("/sys/kernel/tracing or /sys/kernel/debug/tracing");
    }

    @Test
    void aTracefsClosedToTheUserIsRefusedWithTheKernelsWords() throws Exception {
        sandbox.faults().tracefs(SandboxFaults.Tracefs.NOT_PERMITTED);

        assertThat(tracer.arm(flows).map(Object::toString)).get().asString().contains("Permission denied");
    }

    @Test
    void aTracepointSomeoneElseEnabledIsLeftAlone() throws Exception {
        sandbox.run(Command.of("tee", EVENT + "enable").withStdin("1\n"), Duration.ofSeconds(5));

        assertThat(tracer.arm(flows).map(Object::toString)).get().asString().contains("already enabled").contains("leaves it alone");
        assertThat(cat(EVENT + "enable")).isEqualTo("1\n");
        assertThat(cat(EVENT + "filter")).isEqualTo("none\n");
    }

    @Test
    void theDevicesHashIsReadWhereTheDriverPassesItUp() throws Exception {
        sandbox.faults().hashReported(true);
        tracer.arm(flows);
        send(flows.get(1), 2);

        TracedBurst t = tracer.read(flows, 4);

        long expected = new dev.nettune.rss.ToeplitzHash(dev.nettune.rss.RssKey.parse(liveKey())).hash(flows.get(1).flow()) & 0xffffffffL;
        assertThat(t.reportedHashes().get(1)).hasValue(expected);
        assertThat(t.reportedHashes().get(0)).isEmpty();
    }

    private String liveKey() throws Exception {
        String x = sandbox.run(Command.of("ethtool", "-x", "eth1"), Duration.ofSeconds(5)).stdout();
        return dev.nettune.linux.EthtoolRssParser.parse(x).key().orElseThrow().toColonHex();
    }

    @Test
    void theRigsRealCaptureIsAttributedToItsFlowsAndQueues() {
        // fixtures/linux/virtio_net-6.1-rig-tracefs: hping3 flows 20001-20003 (payloads 16-18) to 198.18.0.2:80.
        List<DesignedFlow> rig = List.of(
                new DesignedFlow(Flow.tcp("198.18.0.1", "198.18.0.2", 20_001, 80), 2, 16),
                new DesignedFlow(Flow.tcp("198.18.0.1", "198.18.0.2", 20_002, 80), 3, 17),
                new DesignedFlow(Flow.tcp("198.18.0.1", "198.18.0.2", 20_003, 80), 2, 18));
        String trace = Fixtures.read("linux/virtio_net-6.1-rig-tracefs/trace.txt");

        TracedBurst t = TracefsPacketTracer.attribute(RxTraceLine.parseAll(trace), RxTraceLine.overwritten(trace), "eth0", rig, 4);

        assertThat(t.perFlow().get(0)).containsExactly(0, 0, 3, 0);
        assertThat(t.perFlow().get(1)).containsExactly(0, 0, 0, 3);
        assertThat(t.perFlow().get(2)).containsExactly(0, 0, 3, 0);
        assertThat(t.overwritten()).isZero();
    }

    @Test
    void linesOfAnotherNicAreNotCounted() {
        String trace = Fixtures.read("linux/virtio_net-6.1-rig-tracefs/trace.txt");
        List<DesignedFlow> rig = List.of(new DesignedFlow(Flow.tcp("198.18.0.1", "198.18.0.2", 20_001, 80), 2, 16));

        TracedBurst t = TracefsPacketTracer.attribute(RxTraceLine.parseAll(trace), 0, "eth1", rig, 4);

        assertThat(t.perFlow().get(0)).containsOnly(0);
        assertThat(t.event()).isEmpty();
    }
}
