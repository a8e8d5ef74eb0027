package dev.nettune.bench;

import dev.nettune.monitor.CounterSnapshot;
import dev.nettune.monitor.FleetMonitor;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.RateCalculator;
import dev.nettune.monitor.SampleFrame;
import dev.nettune.monitor.SampleFrameReader;
import dev.nettune.monitor.SamplerScript;
import dev.nettune.monitor.SnapshotParser;
import java.util.List;

/**
 * The fleet monitor's work for many hosts in simulated time: each host's recorded sampler lines go through
 * the frame reader, the parser and the rate calculator (as a live sampler's thread does), its drops are read
 * from the frame's sysfs statistics, and the row model is updated; once per simulated second the table's
 * rows are built and sorted. No per-host history beyond the model's own fixed rings.
 */
final class FleetMonitorPipeline {
    /** One simulated host's NetTune side. */
    static final class FleetPipe {
        final String name;
        final SnapshotParser parser;
        final RateCalculator rates = new RateCalculator();
        final SampleFrameReader reader;
        final FleetMonitor model;
        long now;

        FleetPipe(String name, NicIdentity id, FleetMonitor model) {
            this.name = name;
            this.model = model;
            parser = new SnapshotParser(id);
            reader = new SampleFrameReader(this::frame, () -> now);
            model.watch(name);
        }

        private void frame(SampleFrame f) {
            long drops = FleetMonitor.drops(f.statistics());
            CounterSnapshot s = parser.parse(f);
            RateCalculator.Outcome o = rates.next(s);
            if (o instanceof RateCalculator.Rates r) {
                model.sample(name, r.sample(), drops);
            } else if (o instanceof RateCalculator.Reset) {
                model.gap(name, now);
            }
        }
    }

    final MonitorPipeline recording;
    /** The recorded frames as the fleet poll's counters-only script prints them (no interrupts, no softirqs). */
    final java.util.List<String[]> countersFrames = new java.util.ArrayList<>();
    final FleetMonitor model = new FleetMonitor(60, FleetMonitor.Thresholds.defaults());
    final FleetPipe[] hosts;

    FleetMonitorPipeline(MonitorPipeline recording, int hostCount) {
        this.recording = recording;
        for (String[] f : recording.frames) {
            countersFrames.add(SamplerScript.countersOnly(String.join("\n", f) + "\n").split("\n"));
        }
        hosts = new FleetPipe[hostCount];
        for (int h = 0; h < hostCount; h++) {
            hosts[h] = new FleetPipe(String.format("i-fleet%04d", h), recording.identity, model);
        }
    }

    /** Host {@code h}'s frame for simulated second {@code t}, the recorded frame with its uptime advanced. */
    void feed(int h, long t) {
        FleetPipe pipe = hosts[h];
        String[] lines = countersFrames.get((int) ((t + h) % countersFrames.size()));
        pipe.now = t * 1000;
        pipe.reader.line(SamplerScript.SAMPLE_MARKER + " " + (1000 + t));
        for (int i = 1; i < lines.length; i++) {
            pipe.reader.line(lines[i]);
        }
    }

    /** One simulated second: every host sampled once, then the table's sorted rows (what a 1 Hz refresh reads). */
    List<FleetMonitor.Row> second(long t) {
        for (int h = 0; h < hosts.length; h++) {
            feed(h, t);
        }
        return model.rows(t * 1000, FleetMonitor.SortKey.IMBALANCE, true);
    }
}
