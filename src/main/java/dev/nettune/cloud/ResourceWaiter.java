package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for an asynchronous state (Attaching → InUse, Detaching → Available, Associating → InUse)
 * by polling, with a deadline, progress messages and cancellation by thread interrupt.
 */
public final class ResourceWaiter {
    private final Duration timeout;
    private final Duration pollInterval;

    public ResourceWaiter(Duration timeout, Duration pollInterval) {
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    public static ResourceWaiter standard() {
        return new ResourceWaiter(Duration.ofMinutes(3), Duration.ofSeconds(2));
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Polls {@code observe} until it returns {@code wanted}; the observed value (or "gone") is shown
     * in the progress line. Fails with a message naming the last state on timeout.
     */
    public void await(String what, String wanted, Supplier<Optional<String>> observe, ProgressListener progress)
            throws CloudWaitException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Object last = "unknown";
        while (true) {
            Optional<String> now = observe.get();
            // The states (Available, InUse ...) are the API's own words and stay as they are; "gone" is NetTune's.
            last = now.<Object>map(s -> s).orElse(Phrase.of("cloud.wait.gone", "gone"));
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            if (now.isPresent() && wanted.equals(now.get())) {
                progress.progress(Phrase.of("cloud.wait.reached", "{0} is {1} ({2} s)", what, wanted, elapsed));
                return;
            }
            progress.progress(Phrase.of("cloud.wait.waiting", "Waiting for {0} to be {1}: {2} ({3} s)", what, wanted, last, elapsed));
            if (System.nanoTime() > deadline) {
                throw new CloudWaitException(Phrase.of("cloud.wait.timedOut", "{0} did not become {1} within {2} s; it is {3}."
                        + " Check it with DescribeNetworkInterfaces / DescribeEipAddresses and resume the plan.", what, wanted,
                        timeout.toSeconds(), last));
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CloudWaitException(Phrase.of("cloud.wait.cancelled", "Cancelled while waiting for {0} to be {1} (it was {2}).",
                        what, wanted, last));
            }
        }
    }
}
