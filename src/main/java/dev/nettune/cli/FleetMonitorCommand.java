package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.FleetMonitorService;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.monitor.FleetMonitor;
import dev.nettune.monitor.SamplerScript;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nettune fleet monitor (targets) --nic NIC}: per instance, per queue share, imbalance, drops and a verdict, every second. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Watch a NIC on every target: health, total rx packets/s, busiest/mean, drops/s, the verdict and the"
                + " per-queue rx share per instance, every second (over SSH and built-in hosts a live sampler; over Cloud"
                + " Assistant, which returns output only when a script ends, one snapshot per instance every --poll seconds).")
final class FleetMonitorCommand implements Callable<Integer> {
    private final AppContext ctx;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    FleetReachOptions reach = new FleetReachOptions();
    @Option(names = "--nic", required = true, paramLabel = "NIC")
    String nic;
    @Option(names = "--duration", paramLabel = "S", description = "Stop after this many seconds (default: until Ctrl-C).")
    Integer duration;
    @Option(names = "--poll", defaultValue = "5", paramLabel = "S", description = "Seconds between snapshots over Cloud Assistant (2-300, default ${DEFAULT-VALUE}).")
    int poll;
    @Option(names = "--json", description = "Each refresh as one JSON line (JSON Lines): every instance's health, rx pkt/s, busiest/mean,"
            + " drops/s, per-queue shares and verdict.")
    boolean json;

    FleetMonitorCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        SamplerScript.checkNic(nic);
        if (duration != null && duration < 1) {
            throw new CliInputException(CliText.format("fleet.monitor.duration", String.valueOf(duration)));
        }
        if (poll < 2 || poll > 300) {
            throw new CliInputException(CliText.format("fleet.monitor.poll", String.valueOf(poll)));
        }
        List<FleetInstance> members = reach.resolve(ctx.fleet());
        PrintWriter out = spec.commandLine().getOut();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "fleet-monitor");
            t.setDaemon(true);
            return t;
        });
        FleetMonitor model = new FleetMonitor(60, FleetMonitor.Thresholds.defaults());
        try (FleetMonitorService service = new FleetMonitorService(ctx.fleet(), model, scheduler, System::currentTimeMillis)) {
            service.start(members, nic, reach.connection.toHostOptions(), java.time.Duration.ofSeconds(poll));
            long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
            boolean terminal = System.console() != null;
            while (System.nanoTime() < end) {
                Thread.sleep(1000);
                table(out, members.size(), model.rows(System.currentTimeMillis(), FleetMonitor.SortKey.INSTANCE, false),
                        service.problemPhrases(), terminal);
            }
        } finally {
            scheduler.shutdownNow();
        }
        return 0;
    }

    private void table(PrintWriter out, int watched, List<FleetMonitor.Row> rows, Map<String, dev.nettune.Phrase> problems,
                       boolean terminal) {
        if (json) {
            out.println(CliJson.write(document(rows, problems)));
            out.flush();
            return;
        }
        if (terminal) {
            out.print("\033[H\033[2J");
        }
        out.println(java.time.Instant.now() + "  " + CliText.format("fleet.monitor.watching", nic, String.valueOf(watched)));
        // Padded by display width: a Chinese header padded by characters (%-24s) pushed the columns apart.
        out.println(CliText.padRight(CliText.get("fleet.monitor.column.instance"), 24) + " "
                + CliText.padRight(CliText.get("fleet.monitor.column.health"), 9) + " "
                + CliText.padLeft(CliText.get("fleet.monitor.column.pps"), 12) + " "
                + CliText.padLeft(CliText.get("fleet.monitor.column.busy"), 10) + " "
                + CliText.padLeft(CliText.get("fleet.monitor.column.drops"), 10) + "  "
                + CliText.padRight(CliText.get("fleet.monitor.column.shares"), 24) + " " + CliText.get("fleet.monitor.column.verdict"));
        for (FleetMonitor.Row r : rows) {
            dev.nettune.Phrase problem = problems.get(r.instance());
            if (r.lastSampleMillis() <= 0 && problem != null) {
                out.printf(Locale.ROOT, "%-24s %s%n", r.instance(), problem.in(CliText.locale()));
                continue;
            }
            StringBuilder shares = new StringBuilder();
            for (int q = 0; q < r.shares().length; q++) {
                float share = r.shares()[q];
                shares.append(q == 0 ? "" : " ").append(Float.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f", share * 100));
            }
            out.printf(Locale.ROOT, "%-24s %-9s %12s %10s %10s  %-24s %s%n", r.instance(), r.health(), number(r.pps(), "%.0f"),
                    number(r.maxOverMean(), "%.2f"), number(r.dropsPerSecond(), "%.0f"), shares, r.said().in(CliText.locale()));
        }
        out.println();
        out.flush();
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }

    /** One refresh as JSON; a number not known yet (no second sample, no counter) is left out, not written as NaN. */
    private Map<String, Object> document(List<FleetMonitor.Row> rows, Map<String, dev.nettune.Phrase> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", java.time.Instant.now().toString());
        m.put("nic", nic);
        List<Map<String, Object>> list = new ArrayList<>();
        for (FleetMonitor.Row r : rows) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("instance", r.instance());
            i.put("health", r.health().name());
            putKnown(i, "rxPps", r.pps());
            putKnown(i, "busiestOverMean", r.maxOverMean());
            putKnown(i, "dropsPerSecond", r.dropsPerSecond());
            List<Object> shares = new ArrayList<>();
            for (float share : r.shares()) {
                shares.add(Float.isNaN(share) ? null : (double) share);
            }
            i.put("shares", shares);
            i.put("verdict", r.verdict());
            dev.nettune.Phrase problem = problems.get(r.instance());
            if (problem != null) {
                i.put("problem", problem.toString());
            }
            list.add(i);
        }
        m.put("instances", list);
        return m;
    }

    private static void putKnown(Map<String, Object> m, String key, double v) {
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
            m.put(key, v);
        }
    }
}
