package dev.nettune.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The soak runs' shared loop: N simulated minutes, one step per simulated second, and every 10 simulated
 * minutes a line with the CPU time per simulated second (as % of one core), the heap in use after a full GC
 * and a row count, the figures a soak watches for staying flat.
 */
final class Soak {
    /** One simulated second of work; what it returns goes into a checksum so the JIT cannot drop the work. */
    interface Step {
        long second(long t);
    }

    private Soak() {
    }

    /** Runs {@code minutes} simulated minutes of {@code step}; {@code rowsColumn} names what {@code rows} counts. */
    static void run(int minutes, String rowsColumn, Step step, IntSupplier rows) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("simulated_min  cpu_ms_per_sim_s  pct_of_one_core  heap_after_gc_MB  " + rowsColumn);
        String line = "%13d  %16.2f  %14.2f%%  %16.1f  %" + rowsColumn.length() + "d%n";
        long cpuStart = threads.getCurrentThreadCpuTime();
        long sink = 0;
        for (long t = 0; t < minutes * 60L; t++) {
            sink += step.second(t);
            if ((t + 1) % 600 == 0) {
                long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
                double msPerSecond = cpu / 1e6 / 600;
                System.gc();
                Thread.sleep(100);
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf(Locale.ROOT, line, (t + 1) / 60, msPerSecond, msPerSecond / 10, heap / 1e6, rows.getAsInt());
                cpuStart = threads.getCurrentThreadCpuTime();
            }
        }
        System.out.println("(checksum " + sink + ")");
    }
}
