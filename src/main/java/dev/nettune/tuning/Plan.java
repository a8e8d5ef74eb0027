package dev.nettune.tuning;

import dev.nettune.Phrase;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What applying a profile to a host would change: only the settings that differ, each a step with
 * before and after. {@code unchanged} lists what is already as wanted, {@code notes} what was skipped
 * and why, {@code problems} what makes the plan impossible (then nothing may be applied). These three are phrases the
 * screens say in the user's language; {@link #unchanged()}, {@link #notes()} and {@link #problems()} are their English.
 */
public record Plan(String id, String host, String profile, Instant created, List<Step> steps,
                   List<Phrase> unchangedPhrases, List<Phrase> notePhrases, List<Phrase> problemPhrases, HostFacts facts) {
    public Plan {
        Objects.requireNonNull(id, "id");
        steps = List.copyOf(steps);
        unchangedPhrases = List.copyOf(unchangedPhrases);
        notePhrases = List.copyOf(notePhrases);
        problemPhrases = List.copyOf(problemPhrases);
    }

    /** What is already as wanted, in English. */
    public List<String> unchanged() {
        return english(unchangedPhrases);
    }

    /** What was skipped and why, in English. */
    public List<String> notes() {
        return english(notePhrases);
    }

    /** What makes the plan impossible, in English. */
    public List<String> problems() {
        return english(problemPhrases);
    }

    static List<String> english(List<Phrase> phrases) {
        return phrases.stream().map(Phrase::toString).toList();
    }

    public boolean nothingToDo() {
        return steps.isEmpty() && problemPhrases.isEmpty();
    }

    public boolean applicable() {
        return problemPhrases.isEmpty();
    }

    public boolean needsCommitConfirmed() {
        return steps.stream().anyMatch(Step::commitConfirmed);
    }
}
