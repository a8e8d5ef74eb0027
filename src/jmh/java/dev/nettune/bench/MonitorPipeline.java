package dev.nettune.bench;

import dev.nettune.monitor.ChartFrame;
import dev.nettune.monitor.CounterSnapshot;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.QueueHistory;
import dev.nettune.monitor.QueueMetric;
import dev.nettune.monitor.RateCalculator;
import dev.nettune.monitor.SampleFrame;
import dev.nettune.monitor.SampleFrameReader;
import dev.nettune.monitor.SamplerScript;
import dev.nettune.monitor.SamplingInterval;
import dev.nettune.monitor.SnapshotParser;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxTraffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The monitor's per-host work driven in simulated time: each simulated second every host's
 * sampler output lines go through the frame reader, the driver-aware parser, the rate calculator,
 * the bounded history, and a chart frame is built (as a redraw would). The host side (the lines
 * themselves) is recorded from a 64-queue sandbox NIC once, with traffic between frames, and
 * replayed with the host's uptime advancing one second per frame.
 */
final class MonitorPipeline {
    static final int QUEUES = 64;
    static final int CPUS = 16;

    /** One simulated host's NetTune side. */
    static final class HostPipe {
        final SnapshotParser parser;
        final RateCalculator rates = new RateCalculator();
        final QueueHistory history;
        final SampleFrameReader reader;
        long now;
        long samples;
        long chartPoints;

        HostPipe(NicIdentity id, Duration window) {
            parser = new SnapshotParser(id);
            history = new QueueHistory(window, SamplingInterval.ONE_SECOND);
            reader = new SampleFrameReader(this::frame, () -> now);
        }

        private void frame(SampleFrame f) {
            CounterSnapshot s = parser.parse(f);
            if (rates.next(s) instanceof RateCalculator.Rates r) {
                history.add(r.sample());
                samples++;
            }
        }
    }

    final List<String[]> frames = new ArrayList<>();
    final double[] uptimeOffsetPerLap;
    final NicIdentity identity;

    /** Records {@code count} consecutive frames of a 64-queue NIC with a few thousand flows between each. */
    MonitorPipeline(int count) throws Exception {
        SandboxInstance box = new SandboxInstance(7, CPUS, QUEUES);
        identity = NicIdentity.read(box, "eth1");
        Random random = new Random(3);
        try (SandboxTraffic traffic = new SandboxTraffic(box, 5)) {
            for (int i = 0; i < count; i++) {
                for (int f = 0; f < 200; f++) {
                    traffic.send("eth1", dev.nettune.rss.Flow.tcp("10.0.0." + (2 + random.nextInt(250)), "10.0.0.5",
                            1024 + random.nextInt(60000), 80), 1 + random.nextInt(50), 800);
                }
                String text = box.run(SamplerScript.onceCommand("eth1"), Duration.ofSeconds(5)).stdout();
                frames.add(text.split("\n"));
            }
        }
        uptimeOffsetPerLap = new double[] {count};
    }

    /** Feeds host {@code h}'s frame for simulated second {@code t}: the recorded frame with the uptime line rewritten. */
    void feed(HostPipe pipe, int host, long t) {
        int lap = (int) ((t + host) / frames.size());
        String[] lines = frames.get((int) ((t + host) % frames.size()));
        pipe.now = t * 1000;
        pipe.reader.line(SamplerScript.SAMPLE_MARKER + " " + (1000 + t));
        for (int i = 1; i < lines.length; i++) {
            pipe.reader.line(lines[i]);
        }
        // Counters restart each lap of the recording: that is a reset, as a driver reload would be.
        if (lap < 0) {
            throw new IllegalStateException();
        }
    }

    /** A redraw's chart model: the last hour, at most 600 points per queue. */
    static ChartFrame chart(HostPipe pipe) {
        ChartFrame f = pipe.history.frame(QueueMetric.RX_PACKETS, pipe.now - 3_600_000, 600);
        pipe.chartPoints += f.points();
        return f;
    }
}
