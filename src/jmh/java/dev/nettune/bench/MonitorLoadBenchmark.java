package dev.nettune.bench;

import dev.nettune.monitor.ChartFrame;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * 20 hosts x 64 queues at 1 Hz: the time one simulated second of monitoring costs (every host's
 * snapshot read, parsed, turned into rates, kept, and its chart frame rebuilt). The result in ms
 * is the share of one core in tenths of a percent: 50 ms per simulated second = 5 % of a core.
 * The history window is pre-filled (one hour), so the chart model works on a full window.
 */
public class MonitorLoadBenchmark extends MillisecondsBenchmark {
    static final int HOSTS = 20;

    private MonitorPipeline recording;
    private MonitorPipeline.HostPipe[] hosts;
    private long second;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        recording = new MonitorPipeline(120);
        hosts = new MonitorPipeline.HostPipe[HOSTS];
        for (int h = 0; h < HOSTS; h++) {
            hosts[h] = new MonitorPipeline.HostPipe(recording.identity, Duration.ofHours(1));
        }
        // Fill the one-hour window first: the steady state is what runs for hours.
        for (second = 0; second < 3600; second++) {
            for (int h = 0; h < HOSTS; h++) {
                recording.feed(hosts[h], h, second);
            }
        }
    }

    /** One simulated second for all 20 hosts, chart frames included. */
    @Benchmark
    public void oneSimulatedSecond(Blackhole bh) {
        long t = second++;
        for (int h = 0; h < HOSTS; h++) {
            recording.feed(hosts[h], h, t);
            ChartFrame f = MonitorPipeline.chart(hosts[h]);
            bh.consume(f);
        }
    }

    /** The same without the chart frames: only what the samplers' threads do. */
    @Benchmark
    public void oneSimulatedSecondWithoutCharts(Blackhole bh) {
        long t = second++;
        for (int h = 0; h < HOSTS; h++) {
            recording.feed(hosts[h], h, t);
        }
        bh.consume(hosts[0].samples);
    }
}
