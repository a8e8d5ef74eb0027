package dev.nettune.fleet;

import dev.nettune.tuning.Plan;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying the profile would change on one instance (its plan: only what differs), or why it could
 * not be read. Read-only: nothing was changed to make it.
 */
public record InstancePreview(FleetInstance instance, Optional<Plan> plan, Optional<String> error) {
    public InstancePreview {
        Objects.requireNonNull(instance, "instance");
        plan = plan == null ? Optional.empty() : plan;
        error = error == null ? Optional.empty() : error;
        if (plan.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("A preview has either a plan or an error, not both or neither.");
        }
    }

    public static InstancePreview of(FleetInstance instance, Plan plan) {
        return new InstancePreview(instance, Optional.of(plan), Optional.empty());
    }

    public static InstancePreview unreadable(FleetInstance instance, String why) {
        return new InstancePreview(instance, Optional.empty(), Optional.of(why));
    }

    /** True when the instance differs from the profile (its plan has steps) or could not be read. */
    public boolean differs() {
        return plan.map(p -> !p.steps().isEmpty() || !p.problems().isEmpty()).orElse(true);
    }

    /** How many settings differ (0 when unreadable). */
    public int changes() {
        return plan.map(p -> p.steps().size()).orElse(0);
    }

    /** One line: {@code 3 settings differ: ...}, {@code matches the profile}, or the error. */
    public String summary() {
        if (error.isPresent()) {
            return "could not be read: " + error.get();
        }
        Plan p = plan.get();
        if (!p.problems().isEmpty()) {
            return "cannot be applied: " + String.join(" ", p.problems());
        }
        if (p.steps().isEmpty()) {
            return "matches the profile";
        }
        return p.steps().size() + (p.steps().size() == 1 ? " setting differs: " : " settings differ: ")
                + String.join(", ", p.steps().stream().map(s -> s.change().title()).toList());
    }
}
