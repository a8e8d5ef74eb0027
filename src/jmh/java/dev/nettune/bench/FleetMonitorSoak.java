package dev.nettune.bench;

/**
 * The long run the JMH benchmark cannot show: the fleet monitor at 200 hosts x 64 queues, 1 Hz, for
 * N simulated minutes (default 70), printing every 10 simulated minutes the CPU time per simulated second
 * (as % of one core) and the heap in use after a full GC, which must stay flat.
 * Run: {@code java -Xmx512m -cp target/benchmarks.jar dev.nettune.bench.FleetMonitorSoak 70}
 */
public final class FleetMonitorSoak {
    private FleetMonitorSoak() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 70;
        FleetMonitorPipeline fleet = new FleetMonitorPipeline(new MonitorPipeline(120), FleetMonitorBenchmark.HOSTS);
        Soak.run(minutes, "rows", t -> fleet.second(t).size(), () -> fleet.model.instances().size());
    }
}
