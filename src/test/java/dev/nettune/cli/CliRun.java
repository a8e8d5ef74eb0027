package dev.nettune.cli;

import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One in-process run of the real command line, as a user types it: its exit code and what it printed on each stream. */
public record CliRun(int exit, String out, String err) {
    /** Runs {@code args} against an open context (its sandbox, journal and settings stay for the next run). */
    public static CliRun in(AppContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = NetTuneCommand.commandLine(context, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Runs {@code args} in a context opened on {@code config} for this one run, as a separate process would. */
    public static CliRun inFreshContext(Path config, String... args) {
        try (AppContext context = new AppContext(config)) {
            return in(context, args);
        }
    }

    /** Both streams, as a terminal shows them. */
    public String text() {
        return out + err;
    }
}
