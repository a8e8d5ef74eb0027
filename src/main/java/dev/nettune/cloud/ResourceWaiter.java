package dev.nettune.cloud;

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
        String last = "unknown";
        while (true) {
            Optional<String> now = observe.get();
            last = now.orElse("gone");
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            if (wanted.equals(last)) {
                progress.progress(what + " is " + wanted + " (" + elapsed + " s)");
                return;
            }
            progress.progress("Waiting for " + what + " to be " + wanted + ": " + last + " (" + elapsed + " s)");
            if (System.nanoTime() > deadline) {
                throw new CloudWaitException(what + " did not become " + wanted + " within " + timeout.toSeconds()
                        + " s; it is " + last + ". Check it with DescribeNetworkInterfaces / DescribeEipAddresses and resume the plan.");
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CloudWaitException("Cancelled while waiting for " + what + " to be " + wanted + " (it was " + last + ").");
            }
        }
    }
}
