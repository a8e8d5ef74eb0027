package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.tuning.Journal;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nettune journal [--host HOST] [--json]}: every change NetTune made, with before, after and outcome. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Every change NetTune made to hosts: plan, host, time, before, after, read-back, commands, outcome."
                + " Unfinished plans are listed first.")
public final class JournalCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final AppContext ctx;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--host", paramLabel = "HOST")
    String host;
    @Option(names = "--json")
    boolean json;

    JournalCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Journal j = ctx.tuningJournal();
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> h = Optional.ofNullable(host);
        List<Journal.PlanRecord> plans = j.plans(h);
        CliOutput.print(out, json, () -> data(j, plans), o -> text(o, j, h, plans));
        return 0;
    }

    private static List<Object> data(Journal j, List<Journal.PlanRecord> plans) {
        List<Object> data = new ArrayList<>();
        for (Journal.PlanRecord p : plans) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("host", p.host());
            m.put("profile", p.profile());
            m.put("kind", p.kind());
            m.put("undoes", p.undoes().orElse(null));
            m.put("started", p.started().toString());
            m.put("status", p.status().name());
            m.put("detail", p.detail());
            m.put("entries", j.entries(Optional.of(p.id()), Optional.empty()).stream().map(e -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("id", e.id());
                x.put("seq", e.seq());
                x.put("phase", e.phase().name());
                x.put("time", e.time().toString());
                x.put("target", e.target());
                x.put("before", e.before());
                x.put("after", e.after());
                x.put("readBack", e.readBack().orElse(null));
                x.put("commands", e.commands());
                x.put("outcome", e.outcome().name());
                x.put("message", e.message());
                return x;
            }).toList());
            data.add(m);
        }
        return data;
    }

    private static void text(PrintWriter out, Journal j, Optional<String> h, List<Journal.PlanRecord> plans) {
        List<Journal.PlanRecord> unfinished = j.unfinished().stream().filter(p -> h.isEmpty() || p.host().equals(h.get())).toList();
        for (Journal.PlanRecord p : unfinished) {
            out.println("UNFINISHED plan " + p.id() + " on " + p.host() + " (" + p.status() + "): finish it with"
                    + " `nettune tune finish " + p.host() + " --plan " + p.id() + "` or revert it with `--revert`.");
        }
        if (plans.isEmpty()) {
            out.println("The journal is empty" + h.map(x -> " for " + x).orElse("") + ".");
        }
        for (Journal.PlanRecord p : plans) {
            out.println();
            out.println("plan " + p.id() + "  " + p.host() + "  " + TIME.format(p.started()) + "  " + p.kind()
                    + p.undoes().map(u -> " of " + u).orElse("") + "  \"" + p.profile() + "\"  " + p.status());
            if (!p.detail().isEmpty()) {
                out.println("  " + p.detail());
            }
            for (Journal.Entry e : j.entries(Optional.of(p.id()), Optional.empty())) {
                out.println("  #" + e.id() + " " + TIME.format(e.time()) + " " + e.phase() + " " + e.title() + ": "
                        + show(e, e.before()) + " -> " + show(e, e.after()) + "  read back: "
                        + e.readBack().map(v -> show(e, v)).orElse("-") + "  " + e.outcome()
                        + (e.message().isEmpty() ? "" : " (" + e.message() + ")"));
            }
        }
    }

    private static String show(Journal.Entry e, String v) {
        String s;
        try {
            s = e.change().show(v);
        } catch (RuntimeException ex) {
            s = v;
        }
        s = s.replace("\n", "\u23ce");
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
