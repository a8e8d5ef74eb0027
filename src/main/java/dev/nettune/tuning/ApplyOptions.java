package dev.nettune.tuning;

import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import java.time.Duration;
import java.util.Optional;

/**
 * How a plan is applied: how long an armed revert waits for confirmation (default 60 s), how to
 * open a fresh connection to the same host (to confirm, and to roll back after a dropped one), and
 * how time passes (real sleeping, or a test's simulated clock).
 */
public record ApplyOptions(Duration confirmTimeout, Optional<Connector> connector, Sleeper sleeper,
                           Duration revertGrace, Duration commandTimeout) {
    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(60);

    /** Opens a new, separate connection to the host being tuned. */
    @FunctionalInterface
    public interface Connector {
        Host open() throws HostException, InterruptedException;
    }

    /** Lets time pass; tests drive a simulated clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public ApplyOptions {
        if (confirmTimeout.compareTo(Duration.ofSeconds(10)) < 0 || confirmTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new TuningInputException(dev.nettune.Phrase.of("tuning.confirmTimeout.outOfRange", "The confirm timeout is {0}"
                    + " s: it must be 10-3600 seconds (long enough to reconnect, short enough to wait for).", confirmTimeout.toSeconds()));
        }
    }

    public static ApplyOptions defaults(Connector connector) {
        return new ApplyOptions(DEFAULT_CONFIRM_TIMEOUT, Optional.ofNullable(connector),
                d -> Thread.sleep(d.toMillis()), Duration.ofSeconds(15), Duration.ofSeconds(60));
    }

    /**
     * After how long a host's tuning lock is stale (its holder presumed dead): half an hour beyond the
     * longest a plan waits for an armed revert, so no live run loses its lock.
     */
    public Duration lockStaleAfter() {
        return Duration.ofMinutes(30).plus(confirmTimeout).plus(revertGrace);
    }

    public ApplyOptions withConfirmTimeout(Duration d) {
        return new ApplyOptions(d, connector, sleeper, revertGrace, commandTimeout);
    }

    public ApplyOptions withSleeper(Sleeper s) {
        return new ApplyOptions(confirmTimeout, connector, s, revertGrace, commandTimeout);
    }
}
