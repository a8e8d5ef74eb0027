package dev.nettune.tuning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What applying a profile to a host would change: only the settings that differ, each a step with
 * before and after. {@code unchanged} lists what is already as wanted, {@code notes} what was skipped
 * and why, {@code problems} what makes the plan impossible (then nothing may be applied).
 */
public record Plan(String id, String host, String profile, Instant created, List<Step> steps,
                   List<String> unchanged, List<String> notes, List<String> problems, HostFacts facts) {
    public Plan {
        Objects.requireNonNull(id, "id");
        steps = List.copyOf(steps);
        unchanged = List.copyOf(unchanged);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    public boolean nothingToDo() {
        return steps.isEmpty() && problems.isEmpty();
    }

    public boolean applicable() {
        return problems.isEmpty();
    }

    public boolean needsCommitConfirmed() {
        return steps.stream().anyMatch(Step::commitConfirmed);
    }
}
