package dev.nettune.tuning;

import dev.nettune.Phrase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A plan as a person reads it before saying yes: each step's before and after, the exact commands, every file in full. */
public final class PlanPreview {
    private PlanPreview() {
    }

    /** The plan in English (the CLI's default, logs, and every text a test or a script compares). */
    public static String text(Plan plan) {
        return text(plan, Locale.ENGLISH);
    }

    /**
     * The plan in {@code locale}: its frame, titles, values, notes and reasons are phrases; commands, paths and file
     * contents are what runs and what is written, so they are the same in every language.
     */
    public static String text(Plan plan, Locale locale) {
        StringBuilder sb = new StringBuilder();
        sb.append(Phrase.of("tuning.preview.header", "Plan {0} for {1} (profile \"{2}\", kernel {3})", plan.id(), plan.host(),
                plan.profile(), plan.facts().kernelRelease()).in(locale)).append('\n');
        for (Phrase p : plan.problemPhrases()) {
            sb.append(Phrase.of("tuning.preview.problem", "PROBLEM: {0}", p).in(locale)).append('\n');
        }
        long beyond = plan.steps().stream().filter(s -> s.notes().stream().anyMatch(n -> n.startsWith(Planner.WARNING))).count();
        if (beyond > 0) {
            sb.append(beyond == 1
                    ? Phrase.of("tuning.preview.beyondOne", "WARNING: this unrestricted profile goes beyond NetTune's limits in 1"
                            + " step, run as root: read each WARNING below.").in(locale)
                    : Phrase.of("tuning.preview.beyond", "WARNING: this unrestricted profile goes beyond NetTune's limits in {0}"
                            + " steps, run as root: read each WARNING below.", beyond).in(locale)).append('\n');
        }
        if (plan.nothingToDo()) {
            sb.append(TuningEngine.nothingToDoPhrase(plan).in(locale)).append('\n');
        }
        String confirmed = "   " + Phrase.of("tuning.preview.confirmed", "[commit-confirmed: a revert is armed first]").in(locale);
        String fileBelow = "   " + Phrase.of("tuning.preview.fileBelow", "< (the file below)").in(locale);
        for (Step s : plan.steps()) {
            sb.append('\n').append(s.seq()).append(". ").append(s.change().titlePhrase().in(locale))
                    .append(s.commitConfirmed() ? confirmed : "").append('\n');
            sb.append("   ").append(Phrase.of("tuning.preview.before", "before: {0}", shown(s.change(), s.before(), locale)).in(locale)).append('\n');
            sb.append("   ").append(Phrase.of("tuning.preview.after", "after:  {0}", shown(s.change(), s.after(), locale)).in(locale)).append('\n');
            for (Phrase n : s.notePhrases()) {
                sb.append(n.toString().startsWith(Planner.WARNING) ? "   " + n.in(locale)
                        : "   " + Phrase.of("tuning.preview.note", "note: {0}", n).in(locale)).append('\n');
            }
            for (Action a : s.actions()) {
                for (var c : a.commands()) {
                    sb.append("   $ ").append(c.display()).append(c.stdin().isPresent() ? fileBelow : "").append('\n');
                }
            }
            for (var f : files(s).entrySet()) {
                sb.append("   --- ").append(f.getKey()).append(" ---\n");
                for (String line : f.getValue().split("\n")) {
                    sb.append("   | ").append(line).append('\n');
                }
            }
        }
        if (!plan.unchangedPhrases().isEmpty()) {
            sb.append('\n').append(Phrase.of("tuning.preview.unchanged", "Already as wanted:").in(locale)).append('\n');
            plan.unchangedPhrases().forEach(u -> sb.append("   ").append(u.in(locale)).append('\n'));
        }
        if (!plan.notePhrases().isEmpty()) {
            sb.append('\n').append(Phrase.of("tuning.preview.skipped", "Skipped:").in(locale)).append('\n');
            plan.notePhrases().forEach(u -> sb.append("   ").append(u.in(locale)).append('\n'));
        }
        return sb.toString();
    }

    /** A problem as the screens list it under a plan: "Problem: WHAT". */
    public static Phrase problemNote(Phrase problem) {
        return Phrase.of("tuning.note.problem", "Problem: {0}", problem);
    }

    /** A value on one line as the preview shows it: the change's own words for it, clipped like {@link TuningEngine#oneLine}. */
    private static String shown(Change c, String value, Locale locale) {
        String english = c.show(value);
        if (english.contains("\n") || english.length() > 120) {
            return TuningEngine.oneLine(english);
        }
        return TuningEngine.oneLine(c.showPhrase(value).in(locale));
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
