package dev.nettune.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One fleet run as journaled: its id, what it did ({@code apply}, or {@code undo} of another run), the
 * tuning profile, the rollout policy, when, how it ended, and each instance's result in the order given.
 */
public record FleetRun(String id, String kind, String profile, Optional<String> undoes, RolloutPolicy policy,
                       Instant started, Optional<Instant> finished, RunStatus status, String detail,
                       List<FleetInstanceResult> instances) {
    public FleetRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        instances = List.copyOf(instances);
        detail = detail == null ? "" : detail;
    }

    public long count(InstanceStatus s) {
        return instances.stream().filter(i -> i.status() == s).count();
    }

    /** True when every instance applied and read back: the CLI's exit 0. */
    public boolean succeeded() {
        return status == RunStatus.SUCCEEDED;
    }

    /** {@code 12 instances: 10 applied, 1 rolled back, 1 skipped}. */
    public String summary() {
        StringBuilder sb = new StringBuilder().append(instances.size()).append(instances.size() == 1 ? " instance:" : " instances:");
        String sep = " ";
        for (InstanceStatus s : InstanceStatus.values()) {
            long n = count(s);
            if (n > 0) {
                sb.append(sep).append(n).append(' ').append(s.name().toLowerCase().replace('_', ' '));
                sep = ", ";
            }
        }
        return sb.toString();
    }
}
