package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.host.Host;
import dev.nettune.monitor.Imbalance;
import dev.nettune.monitor.MonitorSession;
import dev.nettune.monitor.QueueHistory;
import dev.nettune.monitor.RateCsv;
import dev.nettune.monitor.RateSample;
import dev.nettune.monitor.Recordings;
import dev.nettune.monitor.SamplerScript;
import dev.nettune.monitor.SamplingInterval;
import dev.nettune.monitor.ShareCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nettune monitor HOST --nic NIC}: the per-queue rates of a NIC, live, from one streamed
 * sampler on the host; a table per sample on the terminal, or CSV rows into a file.
 */
@CommandLine.Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Watch a NIC's queues live: rx/tx packets and bytes per second per queue, interrupts, imbalance,",
            "and each queue's share against the table's. One long-lived sampler on the host, not one ssh per sample."})
final class MonitorCommand implements Callable<Integer> {
    private final AppContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "local, sandbox, a saved host, an ssh alias, or user@host[:port].")
    String host;

    @Option(names = "--nic", required = true, paramLabel = "NIC", description = "The NIC to watch, e.g. eth1.")
    String nic;

    @Option(names = "--interval", defaultValue = "1", paramLabel = "S", description = "Seconds between samples, 0.2-10 (default ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after this many seconds (default: until Ctrl-C).")
    Integer duration;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write CSV rows (one per queue and sample) to FILE instead of the table.")
    Path csv;

    @Option(names = "--record", description = "Also keep the samples as a recording in NetTune's database (see `nettune recording`).")
    boolean record;

    @Option(names = "--sandbox-traffic", defaultValue = "3000", paramLabel = "PPS",
            description = "On the sandbox: background traffic to send to the NIC, packets/s (0 for none; default ${DEFAULT-VALUE}).")
    int sandboxTraffic;

    @Mixin
    HostConnectionOptions connection;

    MonitorCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        SamplerScript.checkNic(nic);
        SamplingInterval iv = SamplingInterval.ofSeconds(interval);
        if (duration != null && duration < 1) {
            throw new CliInputException(CliText.format("monitor.duration", String.valueOf(duration)));
        }
        PrintWriter out = spec.commandLine().getOut();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "monitor");
            t.setDaemon(true);
            return t;
        });
        Host h = context.hostResolver().resolve(host, connection.toHostOptions());
        if (context.demoTraffic().reaches(host) && sandboxTraffic > 0) {
            context.demoTraffic().start(host, nic, sandboxTraffic);
            out.println(CliText.format("monitor.sandboxTraffic", nic, String.valueOf(sandboxTraffic)));
        }
        BlockingQueue<RateSample> samples = new LinkedBlockingQueue<>();
        Recordings.Session recording = null;
        try (MonitorSession session = new MonitorSession(h, nic, iv, QueueHistory.DEFAULT_WINDOW, scheduler, System::currentTimeMillis);
             Writer csvOut = csv == null ? null : Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            session.addListener(new MonitorSession.Listener() {
                @Override
                public void sampled(RateSample sample) {
                    samples.add(sample);
                }

                @Override
                public void status(dev.nettune.Phrase text) {
                    spec.commandLine().getErr().println("# " + text.in(CliText.locale()));
                }
            });
            session.start();
            if (record) {
                recording = context.recordings().start(h.name(), nic, iv.millis(), "nettune monitor",
                        System.currentTimeMillis());
                session.startRecording(recording);
                out.println(CliText.format("monitor.recording", String.valueOf(recording.id())));
            }
            RateCsv rows = csvOut == null ? null : new RateCsv(csvOut);
            long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
            boolean terminal = System.console() != null && csv == null;
            while (System.nanoTime() < end) {
                RateSample s = samples.poll(200, TimeUnit.MILLISECONDS);
                if (s == null) {
                    continue;
                }
                if (rows != null) {
                    rows.sample(s);
                    csvOut.flush();
                    out.println(CliText.format("monitor.csvLine", java.time.Instant.ofEpochMilli(s.timeMillis()).toString(),
                            String.format(Locale.ROOT, "%.0f", s.totalRxPps()), String.valueOf(s.queueCount()), String.valueOf(csv)));
                } else {
                    print(out, s, session, terminal);
                }
                out.flush();
            }
        } finally {
            if (recording != null) {
                out.println(CliText.format("monitor.recordingSaved", String.valueOf(recording.id())));
            }
            context.demoTraffic().stop(host);
            scheduler.shutdownNow();
        }
        return 0;
    }

    /** One table: a line per queue, then the imbalance and, with a known table, the share verdict. */
    static void print(PrintWriter out, RateSample s, MonitorSession session, boolean terminal) throws IOException {
        if (terminal) {
            out.print("\033[H\033[2J");
        }
        out.println(CliText.format("monitor.header", java.time.Instant.ofEpochMilli(s.timeMillis()).toString(),
                session.hostName(), session.nic(), session.interval().sleepArgument(), s.sourcePhrase().in(CliText.locale())));
        out.println(String.join(" ", CliText.padLeft(CliText.get("monitor.col.queue"), 5),
                CliText.padLeft(CliText.get("monitor.col.rxPps"), 12), CliText.padLeft(CliText.get("monitor.col.rxBps"), 14),
                CliText.padLeft(CliText.get("monitor.col.txPps"), 12), CliText.padLeft(CliText.get("monitor.col.txBps"), 14),
                CliText.padLeft(CliText.get("monitor.col.irq"), 10), CliText.padLeft(CliText.get("monitor.col.share"), 7),
                CliText.padLeft(CliText.get("monitor.col.table"), 8)));
        double total = s.totalRxPps();
        for (int q = 0; q < s.queueCount(); q++) {
            int queue = q;
            double share = total > 0 && Double.isFinite(total) ? s.rxPps()[q] / total : Double.NaN;
            String expected = session.table().map(t -> String.format(Locale.ROOT, "%6.1f%%", t.expectedShare(queue) * 100)).orElse("");
            out.printf(Locale.ROOT, "%5d %12s %14s %12s %14s %10s %6s%% %8s%n", q, n(s.rxPps()[q]), n(s.rxBps()[q]), n(s.txPps()[q]),
                    n(s.txBps()[q]), n(s.irqPerSecond()[q]), !Double.isFinite(share) ? "-" : String.format(Locale.ROOT, "%.1f", share * 100),
                    expected);
        }
        Imbalance i = Imbalance.of(s.rxPps());
        if (!(total > 0) || !Double.isFinite(i.maxOverMean()) || !Double.isFinite(i.coefficientOfVariation())) {
            // Ratios of nothing are undefined: say so instead of printing NaN.
            out.println(CliText.format("monitor.noTraffic", n(total > 0 ? total : 0)));
        } else {
            out.println(CliText.format("monitor.total", String.format(Locale.ROOT, "%.0f", total),
                    String.format(Locale.ROOT, "%.2f", i.maxOverMean()), String.format(Locale.ROOT, "%.2f", i.coefficientOfVariation())));
        }
        session.table().ifPresent(t -> out.println(CliText.format("monitor.vsTable", ShareCheck.of(s.rxPacketDeltas(), t).said().in(CliText.locale()))));
        out.println();
    }

    private static String n(double v) {
        return !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }
}
