package dev.nettune.bench;

import dev.nettune.linux.EthtoolStatsParser;
import dev.nettune.linux.QueueCounters;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxTraffic;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a 64-queue virtio_net {@code ethtool -S} (the sandbox's output, 832 lines) into per-queue
 * counters: the monitor does this every sample, so it must stay well under 100 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EthtoolStatsParseBench {
    private String stats64;

    @Setup
    public void generate() {
        SandboxInstance box = new SandboxInstance(1, 64, 64);
        try (SandboxTraffic traffic = new SandboxTraffic(box, 1)) {
            traffic.hpingScenario1("eth1");
        }
        stats64 = box.ethtoolStatistics("eth1");
        QueueCounters check = EthtoolStatsParser.parse("virtio_net", stats64);
        if (check.rx().size() != 64) {
            throw new IllegalStateException("expected 64 queues, parsed " + check.rx().size());
        }
    }

    @Benchmark
    public QueueCounters parse64QueueVirtioStats() {
        return EthtoolStatsParser.parse("virtio_net", stats64);
    }
}
