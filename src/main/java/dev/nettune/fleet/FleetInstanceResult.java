package dev.nettune.fleet;

import java.util.Objects;
import java.util.Optional;

/**
 * One instance's outcome in a run: status and the reason in a sentence, the tuning plan it ran (its
 * journal entries sit under that plan id), and whether it was a canary.
 */
public record FleetInstanceResult(FleetInstance instance, InstanceStatus status, String reason, Optional<String> planId,
                                  boolean canary) {
    public FleetInstanceResult {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        planId = planId == null ? Optional.empty() : planId;
    }

    public static FleetInstanceResult pending(FleetInstance instance, boolean canary) {
        return new FleetInstanceResult(instance, InstanceStatus.PENDING, "", Optional.empty(), canary);
    }

    public FleetInstanceResult with(InstanceStatus s, String why) {
        return new FleetInstanceResult(instance, s, why, planId, canary);
    }
}
