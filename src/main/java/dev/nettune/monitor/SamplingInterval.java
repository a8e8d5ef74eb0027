package dev.nettune.monitor;

import java.math.BigDecimal;
import java.time.Duration;

/** How often the remote sampler prints a counter snapshot: 0.2 to 10 seconds, in steps of 0.1 s. */
public record SamplingInterval(long millis) {
    public static final long MIN_MILLIS = 200;
    public static final long MAX_MILLIS = 10_000;
    public static final SamplingInterval ONE_SECOND = new SamplingInterval(1000);

    public SamplingInterval {
        if (millis < MIN_MILLIS || millis > MAX_MILLIS) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.interval.range", "A sampling interval of {0} s is out of range: use"
                    + " 0.2 to 10 seconds.", millis / 1000.0));
        }
        if (millis % 100 != 0) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.interval.fine", "A sampling interval of {0} s is too fine: use steps"
                    + " of 0.1 s (0.2, 0.5, 1, 2.5 ...).", millis / 1000.0));
        }
    }

    /** Parses seconds as typed: {@code 1}, {@code 0.5}, {@code 2.5}. */
    public static SamplingInterval ofSeconds(String text) {
        if (text == null || !text.strip().matches("\\d{1,2}(\\.\\d{1,3})?")) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.interval.notSeconds", "'{0}' is not an interval in seconds: write for"
                    + " example 1 or 0.5 (0.2 to 10).", text));
        }
        BigDecimal ms = new BigDecimal(text.strip()).movePointRight(3);
        if (ms.compareTo(BigDecimal.valueOf(MAX_MILLIS)) > 0) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.interval.range", "A sampling interval of {0} s is out of range: use"
                    + " 0.2 to 10 seconds.", text.strip()));
        }
        return new SamplingInterval(ms.longValue());
    }

    public static SamplingInterval ofSeconds(double seconds) {
        return new SamplingInterval(Math.round(seconds * 1000));
    }

    public Duration duration() {
        return Duration.ofMillis(millis);
    }

    public double seconds() {
        return millis / 1000.0;
    }

    /** The argument passed to {@code sleep}: {@code 1}, {@code 0.5}. */
    public String sleepArgument() {
        return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
