package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import java.util.List;
import java.util.Objects;

/**
 * One step of a plan: a change with the value the host has now ("before") and the value it will
 * have ("after"), the actions that get it there, and whether it is applied commit-confirmed; its notes are phrases
 * the screens say in the user's language ({@link #notes()} is their English).
 */
public record Step(int seq, Change change, String before, String after, List<Action> actions,
                   boolean commitConfirmed, List<Phrase> notePhrases) {
    public Step {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        actions = List.copyOf(actions);
        notePhrases = List.copyOf(notePhrases);
    }

    /** The notes in English. */
    public List<String> notes() {
        return Plan.english(notePhrases);
    }

    /** Every command the step runs, in order. */
    public List<Command> commands() {
        return actions.stream().flatMap(a -> a.commands().stream()).toList();
    }

    /** The actions that put the "before" back. */
    public List<Action> revertActions() {
        return change.actions(after, before);
    }
}
