package dev.nettune.fleet;

import dev.nettune.Phrase;
import java.util.Objects;
import java.util.Optional;

/**
 * One instance's outcome in a run: status and the reason in a sentence (a phrase the screens and the CLI say in the
 * user's language; {@link #reason()} is its English), the tuning plan it ran (its journal entries sit under that plan
 * id), and whether it was a canary.
 */
public record FleetInstanceResult(FleetInstance instance, InstanceStatus status, Phrase why, Optional<String> planId,
                                  boolean canary) {
    private static final Phrase NONE = Phrase.literal("");

    public FleetInstanceResult {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(status, "status");
        why = why == null ? NONE : why;
        planId = planId == null ? Optional.empty() : planId;
    }

    /** A result whose reason has no translation (text from elsewhere, said as it is). */
    public FleetInstanceResult(FleetInstance instance, InstanceStatus status, String reason, Optional<String> planId, boolean canary) {
        this(instance, status, Phrase.literal(reason == null ? "" : reason), planId, canary);
    }

    /** The reason in English (the journal's text, {@code --json}). */
    public String reason() {
        return why.toString();
    }

    public static FleetInstanceResult pending(FleetInstance instance, boolean canary) {
        return new FleetInstanceResult(instance, InstanceStatus.PENDING, NONE, Optional.empty(), canary);
    }

    public FleetInstanceResult with(InstanceStatus s, String why) {
        return with(s, Phrase.literal(why == null ? "" : why));
    }

    public FleetInstanceResult with(InstanceStatus s, Phrase why) {
        return new FleetInstanceResult(instance, s, why, planId, canary);
    }
}
