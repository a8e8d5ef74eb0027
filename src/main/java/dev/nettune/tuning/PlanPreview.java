package dev.nettune.tuning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan as a person reads it before saying yes: each step's before and after, the exact commands, every file in full. */
public final class PlanPreview {
    private PlanPreview() {
    }

    public static String text(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("Plan ").append(plan.id()).append(" for ").append(plan.host()).append(" (profile \"")
                .append(plan.profile()).append("\", kernel ").append(plan.facts().kernelRelease()).append(")\n");
        for (String p : plan.problems()) {
            sb.append("PROBLEM: ").append(p).append('\n');
        }
        long beyond = plan.steps().stream().filter(s -> s.notes().stream().anyMatch(n -> n.startsWith(Planner.WARNING))).count();
        if (beyond > 0) {
            sb.append(Planner.WARNING).append("this unrestricted profile goes beyond NetTune's limits in ").append(beyond)
                    .append(" step").append(beyond == 1 ? "" : "s").append(", run as root: read each WARNING below.\n");
        }
        if (plan.nothingToDo()) {
            sb.append(TuningEngine.nothingToDo(plan)).append('\n');
        }
        for (Step s : plan.steps()) {
            sb.append('\n').append(s.seq()).append(". ").append(s.change().title())
                    .append(s.commitConfirmed() ? "   [commit-confirmed: a revert is armed first]" : "").append('\n');
            sb.append("   before: ").append(TuningEngine.oneLine(s.change().show(s.before()))).append('\n');
            sb.append("   after:  ").append(TuningEngine.oneLine(s.change().show(s.after()))).append('\n');
            for (String n : s.notes()) {
                sb.append(n.startsWith(Planner.WARNING) ? "   " : "   note: ").append(n).append('\n');
            }
            for (Action a : s.actions()) {
                for (var c : a.commands()) {
                    sb.append("   $ ").append(c.display()).append(c.stdin().isPresent() ? "   < (the file below)" : "")
                            .append('\n');
                }
            }
            for (var f : files(s).entrySet()) {
                sb.append("   --- ").append(f.getKey()).append(" ---\n");
                for (String line : f.getValue().split("\n")) {
                    sb.append("   | ").append(line).append('\n');
                }
            }
        }
        if (!plan.unchanged().isEmpty()) {
            sb.append("\nAlready as wanted:\n");
            plan.unchanged().forEach(u -> sb.append("   ").append(u).append('\n'));
        }
        if (!plan.notes().isEmpty()) {
            sb.append("\nSkipped:\n");
            plan.notes().forEach(u -> sb.append("   ").append(u).append('\n'));
        }
        return sb.toString();
    }

    /** Every file a step writes, path to full content. */
    public static Map<String, String> files(Step s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Action a : s.actions()) {
            if (a instanceof Action.WriteFile w) {
                m.put(w.path(), w.content());
            }
        }
        return m;
    }

    /** The plan as plain data for {@code --json}: steps with before, after, commands and files. */
    public static Map<String, Object> data(Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", plan.id());
        m.put("host", plan.host());
        m.put("profile", plan.profile());
        m.put("kernel", plan.facts().kernelRelease());
        m.put("nothingToDo", plan.nothingToDo());
        m.put("problems", plan.problems());
        m.put("steps", plan.steps().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("seq", s.seq());
            x.put("target", s.change().target());
            x.put("title", s.change().title());
            x.put("before", s.before());
            x.put("after", s.after());
            x.put("commitConfirmed", s.commitConfirmed());
            x.put("commands", s.commands().stream().map(c -> c.display()).toList());
            x.put("files", files(s));
            x.put("notes", s.notes());
            return x;
        }).toList());
        m.put("unchanged", plan.unchanged());
        m.put("skipped", plan.notes());
        return m;
    }

    static List<String> lines(String s) {
        return List.of(s.split("\n"));
    }
}
