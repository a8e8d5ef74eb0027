package dev.nettune.bench;

import dev.nettune.rss.Distribution;
import dev.nettune.rss.FlowPopulation;
import dev.nettune.rss.RssCalculator;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The distribution of 1,000,000 IPv4 flows (the seed's hping3 scenario) over a 128-entry table (target: under 20 ms). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class DistributionBenchmark {

    private RssCalculator calculator;
    private FlowPopulation.Hping million;

    @Setup
    public void setUp() {
        calculator = new RssCalculator(RssKey.MICROSOFT, TableSpec.equal(4).build(OptionalInt.of(4)));
        million = FlowPopulation.Hping.randomDestinationPorts("10.0.0.252", "10.0.0.5", 1_000_000, 10_000, 1);
    }

    @Benchmark
    public Distribution millionIpv4Flows() {
        return Distribution.of(calculator, million);
    }
}
