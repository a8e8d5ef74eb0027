package dev.nettune.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * The long run the JMH benchmark cannot show: 20 hosts x 64 queues at 1 Hz for 100 simulated
 * minutes with a one-hour window, printing every 10 simulated minutes the CPU time spent per
 * simulated second (as % of one core) and the heap in use after a full GC. Once the window is
 * full (60 min) the heap must stop growing.
 * Run: {@code java -Xmx1g -cp target/benchmarks.jar dev.nettune.bench.MonitorSoak}
 */
public final class MonitorSoak {
    private MonitorSoak() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = 20;
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        MonitorPipeline recording = new MonitorPipeline(120);
        MonitorPipeline.HostPipe[] pipes = new MonitorPipeline.HostPipe[hosts];
        for (int h = 0; h < hosts; h++) {
            pipes[h] = new MonitorPipeline.HostPipe(recording.identity, Duration.ofHours(1));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("simulated_min  cpu_ms_per_sim_s  pct_of_one_core  heap_after_gc_MB  rows_per_host");
        long cpuStart = threads.getCurrentThreadCpuTime();
        long sink = 0;
        for (long t = 0; t < minutes * 60L; t++) {
            for (int h = 0; h < hosts; h++) {
                recording.feed(pipes[h], h, t);
                // The chart model is rebuilt for the host on screen a few times a second at most; here for every
                // host every second, which is more than the GUI ever does.
                sink += MonitorPipeline.chart(pipes[h]).points();
            }
            if ((t + 1) % 600 == 0) {
                long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
                double msPerSecond = cpu / 1e6 / 600;
                System.gc();
                Thread.sleep(100);
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf(Locale.ROOT, "%13d  %16.2f  %14.2f%%  %16.1f  %13d%n", (t + 1) / 60, msPerSecond, msPerSecond / 10,
                        heap / 1e6, pipes[0].history.size());
                cpuStart = threads.getCurrentThreadCpuTime();
            }
        }
        System.out.println("(checksum " + sink + ")");
    }
}
