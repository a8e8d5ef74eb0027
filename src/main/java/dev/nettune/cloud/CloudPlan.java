package dev.nettune.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A cloud change as a list of API calls, shown (also as aliyun CLI lines) before anything runs,
 * then executed step by step with every step journaled. Notes are what the user must know
 * (new timeouts apply to new connections only, the load-balancer advice, preview status), as phrases the screens say in
 * the user's language; {@link #notes()} is their English (what the journal, --json and the aliyun script keep).
 */
public record CloudPlan(String id, dev.nettune.Phrase titlePhrase, List<CloudAction> steps, List<dev.nettune.Phrase> notePhrases) {
    public CloudPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(titlePhrase, "title");
        steps = List.copyOf(steps);
        notePhrases = List.copyOf(notePhrases);
    }

    /** A plan whose title has no translation (said as is in every language). */
    public CloudPlan(String id, String title, List<CloudAction> steps, List<dev.nettune.Phrase> notePhrases) {
        this(id, dev.nettune.Phrase.literal(Objects.requireNonNull(title, "title")), steps, notePhrases);
    }

    /** The title in English (what the journal's title column, --json and the exports keep). */
    public String title() {
        return titlePhrase.toString();
    }

    /** The notes in English. */
    public List<String> notes() {
        return notePhrases.stream().map(dev.nettune.Phrase::toString).toList();
    }

    /** A plan titled in the user's language (the title is journaled with its key, so the Journal says it in Chinese too). */
    public static Builder builder(dev.nettune.Phrase title) {
        return new Builder(title);
    }

    /** The calls in order, with created ENIs named consistently (ENI_ID, ...). */
    public List<CloudCall> calls() {
        PlanNames names = new PlanNames();
        return steps.stream().map(s -> s.toCall(names)).toList();
    }

    /** The interruptions the user confirms before the plan runs, one per step that causes one. */
    public List<String> interruptions() {
        return steps.stream().map(CloudAction::interruption).flatMap(Optional::stream).toList();
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Adds steps and notes in order. */
    public static final class Builder {
        private final dev.nettune.Phrase title;
        private final List<CloudAction> steps = new ArrayList<>();
        private final List<dev.nettune.Phrase> notes = new ArrayList<>();

        private Builder(dev.nettune.Phrase title) {
            this.title = title;
        }

        public Builder step(CloudAction action) {
            steps.add(action);
            return this;
        }

        public Builder note(String note) {
            return note(dev.nettune.Phrase.literal(note));
        }

        /** A note said in the user's language; the same note twice is kept once. */
        public Builder note(dev.nettune.Phrase note) {
            if (notes.stream().noneMatch(n -> n.toString().equals(note.toString()))) {
                notes.add(note);
            }
            return this;
        }

        public CloudPlan build() {
            return new CloudPlan(UUID.randomUUID().toString(), title, steps, notes);
        }
    }
}
