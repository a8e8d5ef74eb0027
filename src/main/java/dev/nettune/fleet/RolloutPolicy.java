package dev.nettune.fleet;

/**
 * How a run rolls out. {@code canary}: the first N targets in the order given run first; if one of them
 * fails, nothing else starts. {@code parallel}: at most N instances are worked on at once.
 * {@code maxFailures}: N failed instances are tolerated; at N + 1 no new instance starts (those in
 * flight finish, the rest are SKIPPED).
 */
public record RolloutPolicy(int canary, int parallel, int maxFailures) {
    public static final int MAX_PARALLEL = 256;

    public RolloutPolicy {
        if (canary < 0) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.policy.canary", "--canary is {0}: give 0 (no canary) or more instances.", canary));
        }
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.policy.parallel", "--parallel is {0}: give 1 to {1} instances at a time.",
                    parallel, MAX_PARALLEL));
        }
        if (maxFailures < 0) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.policy.maxFailures", "--max-failures is {0}: give 0 (stop at the first"
                    + " failure) or more.", maxFailures));
        }
    }

    /** One canary, then 10 at a time, stopping at the first failure: the careful default. */
    public static RolloutPolicy defaults() {
        return new RolloutPolicy(1, 10, 0);
    }

    /** For undo: every instance is worth putting back, whatever happened to the others. */
    public static RolloutPolicy everyInstance(int parallel) {
        return new RolloutPolicy(0, parallel, Integer.MAX_VALUE);
    }

    /** {@link #display()} as a phrase the CLI says in the user's language. */
    public dev.nettune.Phrase displayPhrase() {
        return maxFailures == Integer.MAX_VALUE
                ? dev.nettune.Phrase.of("fleet.policy.displayUnlimited", "canary {0}, parallel {1}, max failures unlimited", canary, parallel)
                : dev.nettune.Phrase.of("fleet.policy.display", "canary {0}, parallel {1}, max failures {2}", canary, parallel, maxFailures);
    }

    /** {@code canary 1, parallel 10, max failures 0}, as the journal and the report show it. */
    public String display() {
        return "canary " + canary + ", parallel " + parallel + ", max failures "
                + (maxFailures == Integer.MAX_VALUE ? "unlimited" : String.valueOf(maxFailures));
    }
}
