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
        java.util.Locale l = CliText.locale();
        List<Journal.PlanRecord> unfinished = j.unfinished().stream().filter(p -> h.isEmpty() || p.host().equals(h.get())).toList();
        for (Journal.PlanRecord p : unfinished) {
            out.println(CliText.format("journal.unfinished", p.id(), p.host(), p.status().phrase().in(l)));
        }
        if (plans.isEmpty()) {
            out.println(h.map(x -> CliText.format("journal.emptyFor", x)).orElse(CliText.get("journal.empty")));
        }
        for (Journal.PlanRecord p : plans) {
            out.println();
            out.println(CliText.format("journal.plan", p.id(), p.host(), TIME.format(p.started()), kind(p.kind()),
                    p.undoes().map(u -> CliText.format("journal.of", u)).orElse(""), dev.nettune.tuning.Undo.planName(p.profile()).in(l),
                    p.status().phrase().in(l)));
            String detail = p.detailPhrase().in(l);
            if (!detail.isEmpty()) {
                out.println("  " + detail);
            }
            for (Journal.Entry e : j.entries(Optional.of(p.id()), Optional.empty())) {
                String message = e.messagePhrase().in(l);
                out.println(CliText.format("journal.entry", String.valueOf(e.id()), TIME.format(e.time()), e.phase().phrase().in(l),
                        title(e), show(e, e.before()), show(e, e.after()), e.readBack().map(v -> show(e, v)).orElse("-"),
                        e.outcome().phrase().in(l)) + (message.isEmpty() ? "" : CliText.format("journal.message", message)));
            }
        }
    }

    // A plan's kind as journaled ("apply", "undo", "finish"), in the CLI's language.
    private static String kind(String kind) {
        String said = CliText.get("journal.kind." + kind);
        return said.startsWith("!") ? kind : said;
    }

    private static String title(Journal.Entry e) {
        try {
            return e.change().titlePhrase().in(CliText.locale());
        } catch (RuntimeException ex) {
            return e.title();
        }
    }

    private static String show(Journal.Entry e, String v) {
        String s;
        try {
            // English as it always printed; in Chinese the value's own phrase (a file's "4 lines, 196 bytes").
            s = "zh".equals(CliText.locale().getLanguage()) ? e.change().showPhrase(v).in(CliText.locale()) : e.change().show(v);
        } catch (RuntimeException ex) {
            s = v;
        }
        s = s.replace("\n", "\u23ce");
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
