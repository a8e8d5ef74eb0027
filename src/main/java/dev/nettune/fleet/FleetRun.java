package dev.nettune.fleet;

import dev.nettune.Phrase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One fleet run as journaled: its id, what it did ({@code apply}, or {@code undo} of another run), the
 * tuning profile, the rollout policy, when, how it ended (its detail a phrase the CLI and the screens say in the
 * user's language; {@link #detail()} is its English), and each instance's result in the order given.
 */
public record FleetRun(String id, String kind, String profile, Optional<String> undoes, RolloutPolicy policy,
                       Instant started, Optional<Instant> finished, RunStatus status, Phrase detailPhrase,
                       List<FleetInstanceResult> instances) {
    public FleetRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        instances = List.copyOf(instances);
        detailPhrase = detailPhrase == null ? Phrase.literal("") : detailPhrase;
    }

    /** A run whose detail has no translation (journaled before details kept their phrases). */
    public FleetRun(String id, String kind, String profile, Optional<String> undoes, RolloutPolicy policy,
                    Instant started, Optional<Instant> finished, RunStatus status, String detail,
                    List<FleetInstanceResult> instances) {
        this(id, kind, profile, undoes, policy, started, finished, status, Phrase.literal(detail == null ? "" : detail), instances);
    }

    /** How the run ended, in English (the journal's text, {@code --json}). */
    public String detail() {
        return detailPhrase.toString();
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
        return summaryPhrase().toString();
    }

    /** {@link #summary()} as a phrase the CLI and the screens say in the user's language. */
    public Phrase summaryPhrase() {
        List<Phrase> counts = new ArrayList<>();
        for (InstanceStatus s : InstanceStatus.values()) {
            long n = count(s);
            if (n > 0) {
                counts.add(counted(s, n));
            }
        }
        Phrase all = InstancePreview.listed(counts);
        return instances.size() == 1 ? Phrase.of("fleet.summary.one", "1 instance: {0}", all)
                : Phrase.of("fleet.summary.many", "{0} instances: {1}", instances.size(), all);
    }

    /** {@code 10 applied}: how many instances ended in {@code s}. */
    private static Phrase counted(InstanceStatus s, long n) {
        return switch (s) {
            case APPLIED -> Phrase.of("fleet.summary.applied", "{0} applied", n);
            case ROLLED_BACK -> Phrase.of("fleet.summary.rolledBack", "{0} rolled back", n);
            case FAILED -> Phrase.of("fleet.summary.failed", "{0} failed", n);
            case SKIPPED -> Phrase.of("fleet.summary.skipped", "{0} skipped", n);
            case IN_FLIGHT -> Phrase.of("fleet.summary.inFlight", "{0} in flight", n);
            case PENDING -> Phrase.of("fleet.summary.pending", "{0} pending", n);
        };
    }
}
