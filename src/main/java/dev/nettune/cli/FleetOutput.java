package dev.nettune.cli;

import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetInstanceResult;
import dev.nettune.fleet.FleetListener;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.InstanceStatus;
import dev.nettune.fleet.RunStatus;
import dev.nettune.fleet.Transport;
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
        out.println("Run " + run.id() + " (" + run.kind() + run.undoes().map(u -> " of " + u).orElse("") + ", profile \""
                + run.profile() + "\", " + run.policy().display() + "): " + run.status() + ". " + run.detail());
        for (FleetInstanceResult r : run.instances()) {
            out.printf(Locale.ROOT, "  %-24s %-11s %s%s%n", r.instance().target().name(), r.status(),
                    r.canary() ? "[canary] " : "", r.why().in(CliText.locale()));
            if (r.instance().target().kind() == FleetTarget.Kind.INSTANCE && r.instance().reach().transport() == Transport.SSH) {
                // An instance id alone does not say where SSH went: the address, login and bastion the run keeps.
                out.println("    reached: " + r.instance().reach().display());
            }
        }
        List<String> untouched = run.instances().stream().filter(r -> r.status() == InstanceStatus.SKIPPED)
                .map(r -> r.instance().target().name()).toList();
        if (!untouched.isEmpty()) {
            out.println("Untouched: " + String.join(", ", untouched));
        }
        if (run.status() == RunStatus.UNFINISHED || run.status() == RunStatus.RUNNING) {
            out.println((run.status() == RunStatus.UNFINISHED ? "NOT FINISHED: NetTune stopped before the run ended."
                    : "Still running in a NetTune process.") + " Done: " + names(run, InstanceStatus.APPLIED,
                    InstanceStatus.ROLLED_BACK, InstanceStatus.FAILED) + ". In flight: " + names(run, InstanceStatus.IN_FLIGHT)
                    + ". Pending: " + names(run, InstanceStatus.PENDING, InstanceStatus.SKIPPED) + ".");
        }
        if (run.status().resumable() && run.kind().equals("apply")) {
            out.println("Resume it with `nettune fleet apply --resume " + run.id() + "`: done instances are left alone,"
                    + " one in flight is read again and finished or rolled back, the rest start under the same policy.");
        }
        if (run.status().resumable() && run.kind().equals("undo")) {
            out.println("Continue it with `nettune fleet undo " + run.id() + "` (or `nettune fleet undo " + run.undoes().orElse("RUN")
                    + "` again): instances already put back are skipped, the rest are undone.");
        }
        out.println(run.summary() + ".");
        out.flush();
    }

    private static String names(FleetRun run, InstanceStatus... any) {
        List<String> n = run.instances().stream().filter(r -> List.of(any).contains(r.status()))
                .map(r -> r.instance().target().name()).toList();
        return n.isEmpty() ? "none" : String.join(", ", n) + " (" + n.size() + ")";
    }

    /** Prints per-instance progress, one line per event, each line whole (instances run in parallel). */
    static FleetListener printer(PrintWriter out, boolean quiet) {
        return new FleetListener() {
            @Override
            public void instanceStarted(FleetInstance instance, boolean canary) {
                line(instance + ": started" + (canary ? " (canary)" : ""));
            }

            @Override
            public void instanceStep(FleetInstance instance, int seq, int total, String title, Journal.Phase phase) {
                line(instance + ": " + (phase == Journal.Phase.APPLY ? "" : phase.name().toLowerCase(Locale.ROOT) + " ")
                        + "[" + seq + "/" + total + "] " + title);
            }

            @Override
            public void instanceMessage(FleetInstance instance, String text) {
                line(instance + ":   " + text);
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
            err.println("nettune: nothing was changed: " + question + " needs --yes when there is no terminal to ask on.");
            err.flush();
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }
}
