package dev.nettune.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("simulated_min  cpu_ms_per_sim_s  pct_of_one_core  heap_after_gc_MB  rows");
        long cpuStart = threads.getCurrentThreadCpuTime();
        long sink = 0;
        for (long t = 0; t < minutes * 60L; t++) {
            sink += fleet.second(t).size();
            if ((t + 1) % 600 == 0) {
                long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
                double msPerSecond = cpu / 1e6 / 600;
                System.gc();
                Thread.sleep(100);
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf(Locale.ROOT, "%13d  %16.2f  %14.2f%%  %16.1f  %4d%n", (t + 1) / 60, msPerSecond, msPerSecond / 10,
                        heap / 1e6, fleet.model.instances().size());
                cpuStart = threads.getCurrentThreadCpuTime();
            }
        }
        System.out.println("(checksum " + sink + ")");
    }
}
