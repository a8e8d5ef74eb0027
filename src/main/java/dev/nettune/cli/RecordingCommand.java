package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.monitor.RateCsv;
import dev.nettune.monitor.Recording;
import dev.nettune.monitor.RecordingComparison;
import dev.nettune.monitor.Recordings;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nettune recording list|export|compare|delete}: monitor recordings kept in the database. */
@Command(name = "recording", mixinStandardHelpOptions = true, description = "Monitor recordings: list, export as CSV, compare two, delete.",
        subcommands = {RecordingCommand.ListRecordings.class, RecordingCommand.Export.class, RecordingCommand.Compare.class,
            RecordingCommand.Delete.class})
final class RecordingCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List recordings, newest first.")
    static final class ListRecordings implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        ListRecordings(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            // Padded by terminal columns, as the rows' "%5s  %-20s %-8s %-24s %8s %7s %7s  %s": Chinese headers stay over them.
            out.println(CliText.padLeft(CliText.get("recording.list.col.id"), 5) + "  "
                    + CliText.padRight(CliText.get("recording.list.col.host"), 20) + " "
                    + CliText.padRight(CliText.get("recording.list.col.nic"), 8) + " "
                    + CliText.padRight(CliText.get("recording.list.col.started"), 24) + " "
                    + CliText.padLeft(CliText.get("recording.list.col.interval"), 8) + " "
                    + CliText.padLeft(CliText.get("recording.list.col.queues"), 7) + " "
                    + CliText.padLeft(CliText.get("recording.list.col.samples"), 7) + "  " + CliText.get("recording.list.col.note"));
            for (Recording r : context.recordings().list()) {
                out.printf(Locale.ROOT, "%5d  %-20s %-8s %-24s %7.1fs %7d %7d  %s%n", r.id(), r.host(), r.nic(),
                        Instant.ofEpochMilli(r.startedAtMillis()), r.intervalMillis() / 1000.0, r.queueCount(), r.samples(), r.note());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a recording as CSV (to stdout or --csv FILE).")
    static final class Export implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Option(names = "--csv", paramLabel = "FILE")
        Path csv;

        Export(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            var series = context.recordings().load(id);
            if (csv == null) {
                PrintWriter out = spec.commandLine().getOut();
                new RateCsv(out).series(series);
                out.flush();
            } else {
                try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    new RateCsv(w).series(series);
                }
                spec.commandLine().getOut().println(CliText.format("recording.export.wrote", csv.toString()));
            }
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare two recordings (before and after a change).")
    static final class Compare implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "BEFORE")
        long before;
        @Parameters(index = "1", paramLabel = "AFTER")
        long after;

        Compare(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Recordings store = context.recordings();
            RecordingComparison c = RecordingComparison.of(store.load(before), store.load(after));
            PrintWriter out = spec.commandLine().getOut();
            out.println(String.join(" ", CliText.padLeft(CliText.get("recording.col.queue"), 5),
                    CliText.padLeft(CliText.get("recording.col.beforePps"), 14), CliText.padLeft(CliText.get("recording.col.afterPps"), 14),
                    CliText.padLeft(CliText.get("recording.col.before"), 9), CliText.padLeft(CliText.get("recording.col.after"), 9)));
            for (RecordingComparison.QueueLine l : c.queues()) {
                out.printf(Locale.ROOT, "%5d %14.0f %14.0f %8.1f%% %8.1f%%%n", l.queue(), l.meanBefore(), l.meanAfter(),
                        l.shareBefore() * 100, l.shareAfter() * 100);
            }
            out.println(c.said().in(CliText.locale()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a recording.")
    static final class Delete implements Callable<Integer> {
        private final AppContext context;
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        Delete(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.recordings().delete(id);
            return 0;
        }
    }
}
