package dev.nettune.cloud.aliyun;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How throttled and transient calls are retried: at most {@code maxAttempts} tries, the wait
 * doubling from {@code base} up to {@code cap}, each wait drawn at random from its upper half
 * ("equal jitter") so that many clients do not retry in step.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {
    public static final RetryPolicy STANDARD = new RetryPolicy(6, Duration.ofMillis(300), Duration.ofSeconds(8));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** The wait before try {@code attempt + 1} (attempt counts from 1). */
    public Duration delayAfter(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(20, attempt - 1));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }
}
