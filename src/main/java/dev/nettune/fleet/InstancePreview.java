package dev.nettune.fleet;

import dev.nettune.Phrase;
import dev.nettune.tuning.Plan;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying the profile would change on one instance (its plan: only what differs), or why it could
 * not be read (a phrase, said in the user's language; {@link #error()} is its English). Read-only: nothing was
 * changed to make it.
 */
public record InstancePreview(FleetInstance instance, Optional<Plan> plan, Optional<Phrase> errorPhrase) {
    public InstancePreview {
        Objects.requireNonNull(instance, "instance");
        plan = plan == null ? Optional.empty() : plan;
        errorPhrase = errorPhrase == null ? Optional.empty() : errorPhrase;
        if (plan.isPresent() == errorPhrase.isPresent()) {
            throw new IllegalArgumentException("A preview has either a plan or an error, not both or neither.");
        }
    }

    public static InstancePreview of(FleetInstance instance, Plan plan) {
        return new InstancePreview(instance, Optional.of(plan), Optional.empty());
    }

    public static InstancePreview unreadable(FleetInstance instance, Phrase why) {
        return new InstancePreview(instance, Optional.empty(), Optional.of(why));
    }

    /** Why it could not be read, with no translation (text from elsewhere). */
    public static InstancePreview unreadable(FleetInstance instance, String why) {
        return unreadable(instance, Phrase.literal(why));
    }

    /** Why it could not be read, in English ({@code --json}). */
    public Optional<String> error() {
        return errorPhrase.map(Phrase::toString);
    }

    /** True when the instance differs from the profile (its plan has steps) or could not be read. */
    public boolean differs() {
        return plan.map(p -> !p.steps().isEmpty() || !p.problems().isEmpty()).orElse(true);
    }

    /** How many settings differ (0 when unreadable). */
    public int changes() {
        return plan.map(p -> p.steps().size()).orElse(0);
    }

    /** One line: {@code 3 settings differ: ...}, {@code matches the profile}, or the error; in English. */
    public String summary() {
        return summaryPhrase().toString();
    }

    /** {@link #summary()} as a phrase the CLI and the screens say in the user's language. */
    public Phrase summaryPhrase() {
        if (errorPhrase.isPresent()) {
            return Phrase.of("fleet.preview.unreadable", "could not be read: {0}", errorPhrase.get());
        }
        Plan p = plan.get();
        if (!p.problemPhrases().isEmpty()) {
            return Phrase.of("fleet.preview.notApplicable", "cannot be applied: {0}", Phrase.joined(" ", p.problemPhrases()));
        }
        if (p.steps().isEmpty()) {
            return Phrase.of("fleet.preview.matches", "matches the profile");
        }
        Phrase titles = listed(p.steps().stream().map(s -> s.change().titlePhrase()).toList());
        return p.steps().size() == 1 ? Phrase.of("fleet.preview.differsOne", "1 setting differs: {0}", titles)
                : Phrase.of("fleet.preview.differs", "{0} settings differ: {1}", p.steps().size(), titles);
    }

    /** {@code a, b, c}: a list as a phrase, whose comma is the language's own (，in Chinese). */
    static Phrase listed(java.util.List<Phrase> items) {
        Phrase out = items.isEmpty() ? Phrase.literal("") : items.get(0);
        for (int i = 1; i < items.size(); i++) {
            out = Phrase.of("fleet.list.next", "{0}, {1}", out, items.get(i));
        }
        return out;
    }
}
