package dev.nettune.bench;

import dev.nettune.monitor.FleetMonitor;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fleet monitor at 200 hosts x 64 queues, 1 Hz: the time one simulated second costs (every host's counters-only
 * sampler output parsed into rates and drops, the row model updated, the table's rows built and sorted).
 * The result in ms is the share of one core in tenths of a percent: under 50 ms is under 5 % of a core.
 * Run: {@code java -jar target/benchmarks.jar FleetMonitorBenchmark}.
 */
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class FleetMonitorBenchmark extends MillisecondsBenchmark {
    static final int HOSTS = 200;

    private FleetMonitorPipeline fleet;
    private long second;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fleet = new FleetMonitorPipeline(new MonitorPipeline(120), HOSTS);
        // Past the trend's length: the steady state is what runs for hours.
        for (second = 0; second < 120; second++) {
            fleet.second(second);
        }
    }

    /** One simulated second for all 200 hosts, the sorted rows included. */
    @Benchmark
    public void oneSimulatedSecond(Blackhole bh) {
        List<FleetMonitor.Row> rows = fleet.second(second++);
        bh.consume(rows);
    }

    /** Only the model: 200 rows built and sorted (the table refresh on the screen's side). */
    @Benchmark
    public void rowsOnly(Blackhole bh) {
        bh.consume(fleet.model.rows(second * 1000, FleetMonitor.SortKey.IMBALANCE, true));
    }
}
