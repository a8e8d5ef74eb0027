package dev.nettune.bench;

import java.time.Duration;

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
        Soak.run(minutes, "rows_per_host", t -> {
            long points = 0;
            for (int h = 0; h < hosts; h++) {
                recording.feed(pipes[h], h, t);
                // The chart model is rebuilt for the host on screen a few times a second at most; here for every
                // host every second, which is more than the GUI ever does.
                points += MonitorPipeline.chart(pipes[h]).points();
            }
            return points;
        }, () -> pipes[0].history.size());
    }
}
