package dev.nettune.cli;

import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetInstanceResult;
import dev.nettune.fleet.FleetListener;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.InstanceStatus;
import dev.nettune.fleet.RunStatus;
import dev.nettune.fleet.Transport;
import dev.nettune.fleet.TransportChoice;
import dev.nettune.tuning.Journal;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the fleet commands print: a run as text or JSON, per-instance progress, and the console question before a change. */
final class FleetOutput {
    private FleetOutput() {
    }

    static Map<String, Object> json(FleetRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run.id());
        m.put("kind", run.kind());
        run.undoes().ifPresent(u -> m.put("undoes", u));
        m.put("profile", run.profile());
        m.put("status", run.status().name());
        m.put("detail", run.detail());
        m.put("policy", Map.of("canary", run.policy().canary(), "parallel", run.policy().parallel(),
                "maxFailures", run.policy().maxFailures()));
        m.put("started", run.started().toString());
        run.finished().ifPresent(f -> m.put("finished", f.toString()));
        if (run.status().resumable() && run.kind().equals("apply")) {
            m.put("resume", "nettune fleet apply --resume " + run.id());
        }
        if (run.status().resumable() && run.kind().equals("undo")) {
            m.put("resume", "nettune fleet undo " + run.id());
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (FleetInstanceResult r : run.instances()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("target", r.instance().target().name());
            i.put("transport", r.instance().reach().transport().word());
            i.put("address", r.instance().reach().address());
            r.instance().reach().user().ifPresent(u -> i.put("user", u));
            r.instance().reach().keyFile().ifPresent(k -> i.put("keyFile", k));
            r.instance().reach().knownHosts().ifPresent(k -> i.put("knownHosts", k));
            r.instance().reach().bastion().ifPresent(b -> i.put("bastion", b));
            r.instance().reach().region().ifPresent(k -> i.put("region", k));
            r.instance().reach().endpoint().ifPresent(k -> i.put("endpoint", k));
            i.put("canary", r.canary());
            i.put("status", r.status().name());
            i.put("reason", r.reason());
            r.planId().ifPresent(p -> i.put("plan", p));
            list.add(i);
        }
        m.put("instances", list);
        return m;
    }

    static void report(PrintWriter out, FleetRun run) {
        Locale l = CliText.locale();
        String kind = run.undoes().map(u -> CliText.format("fleet.report.undoOf", run.kind(), u)).orElse(run.kind());
        out.println(CliText.format("fleet.report.header", run.id(), kind, run.profile(), run.policy().displayPhrase().in(l),
                run.status().name(), run.detailPhrase().in(l)));
        for (FleetInstanceResult r : run.instances()) {
            out.printf(Locale.ROOT, "  %-24s %-11s %s%s%n", r.instance().target().name(), r.status(),
                    r.canary() ? CliText.get("fleet.report.canary") + " " : "", r.why().in(l));
            if (r.instance().target().kind() == FleetTarget.Kind.INSTANCE && r.instance().reach().transport() == Transport.SSH) {
                // An instance id alone does not say where SSH went: the address, login and bastion the run keeps.
                out.println("    " + CliText.format("fleet.report.reached", reach(r.instance().reach())));
            }
        }
        List<String> untouched = run.instances().stream().filter(r -> r.status() == InstanceStatus.SKIPPED)
                .map(r -> r.instance().target().name()).toList();
        if (!untouched.isEmpty()) {
            out.println(CliText.format("fleet.report.untouched", String.join(", ", untouched)));
        }
        if (run.status() == RunStatus.UNFINISHED || run.status() == RunStatus.RUNNING) {
            out.println(CliText.format(run.status() == RunStatus.UNFINISHED ? "fleet.report.notFinished" : "fleet.report.stillRunning",
                    names(run, InstanceStatus.APPLIED, InstanceStatus.ROLLED_BACK, InstanceStatus.FAILED),
                    names(run, InstanceStatus.IN_FLIGHT), names(run, InstanceStatus.PENDING, InstanceStatus.SKIPPED)));
        }
        if (run.status().resumable() && run.kind().equals("apply")) {
            out.println(CliText.format("fleet.report.resume", run.id()));
        }
        if (run.status().resumable() && run.kind().equals("undo")) {
            out.println(CliText.format("fleet.report.continueUndo", run.id(), run.undoes().orElse("RUN")));
        }
        out.println(CliText.format("fleet.report.summary", run.summaryPhrase().in(l)));
        out.flush();
    }

    /** How an instance is reached, in the CLI's language (in English as {@code display()} says it). */
    static String reach(TransportChoice c) {
        return c.displayPhrase().in(CliText.locale());
    }

    private static String names(FleetRun run, InstanceStatus... any) {
        List<String> n = run.instances().stream().filter(r -> List.of(any).contains(r.status()))
                .map(r -> r.instance().target().name()).toList();
        return n.isEmpty() ? CliText.get("fleet.report.none") : String.join(", ", n) + " (" + n.size() + ")";
    }

    /** Prints per-instance progress, one line per event, each line whole (instances run in parallel), in the CLI's language. */
    static FleetListener printer(PrintWriter out, boolean quiet) {
        return new FleetListener() {
            @Override
            public void instanceStarted(FleetInstance instance, boolean canary) {
                line(instance + ": " + CliText.get(canary ? "fleet.progress.startedCanary" : "fleet.progress.started"));
            }

            @Override
            public void instanceStep(FleetInstance instance, int seq, int total, String title, Journal.Phase phase) {
                instanceStep(instance, seq, total, dev.nettune.Phrase.literal(title), phase);
            }

            @Override
            public void instanceStep(FleetInstance instance, int seq, int total, dev.nettune.Phrase title, Journal.Phase phase) {
                Locale l = CliText.locale();
                String phaseWord = "zh".equals(l.getLanguage()) ? phase.phrase().in(l) : phase.name().toLowerCase(Locale.ROOT);
                line(instance + ": " + (phase == Journal.Phase.APPLY ? "" : phaseWord + " ")
                        + "[" + seq + "/" + total + "] " + title.in(l));
            }

            @Override
            public void instanceMessage(FleetInstance instance, String text) {
                line(instance + ":   " + text);
            }

            @Override
            public void instanceMessage(FleetInstance instance, dev.nettune.Phrase text) {
                line(instance + ":   " + text.in(CliText.locale()));
            }

            @Override
            public void instanceFinished(FleetInstanceResult r) {
                line(r.instance() + ": " + r.status() + (r.reason().isEmpty() ? "" : " - " + r.why().in(CliText.locale())));
            }

            private void line(String s) {
                if (!quiet) {
                    synchronized (out) {
                        out.println(s);
                        out.flush();
                    }
                }
            }
        };
    }

    /** Asks on the console; without one (a script), only {@code --yes} confirms. */
    static boolean confirmed(boolean yes, String question, PrintWriter err) {
        if (yes) {
            return true;
        }
        java.io.Console console = System.console();
        if (console == null) {
            err.println(CliText.format("fleet.needsYes", question));
            err.flush();
            return false;
        }
        // The Chinese prompt asks for y or 是; the answers are the ones cloud's prompt takes.
        String answer = console.readLine("%s", CliText.format("fleet.confirm", question) + " ");
        return CloudCommand.confirms(answer);
    }
}
