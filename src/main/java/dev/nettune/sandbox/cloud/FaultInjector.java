package dev.nettune.sandbox.cloud;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Faults the local OpenAPI server injects before it handles a call, for testing retries, timeouts and
 * error display: throttle the next N calls, fail one action with a given code, delay answers, drop
 * the connection without an answer. Each fault applies to every action or to one named action.
 */
public final class FaultInjector {
    /** The real throttling answer of ECS and VPC: HTTP 400, code Throttling. */
    public static final String THROTTLING = "Throttling";

    private final List<Fault> faults = new ArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    /** What to do with one call. */
    sealed interface Action permits Fail, Drop {
    }

    record Fail(int httpStatus, String code, String message) implements Action {
    }

    record Drop() implements Action {
    }

    private static final class Fault {
        final String action;
        int remaining;
        final Action what;

        Fault(String action, int remaining, Action what) {
            this.action = action;
            this.remaining = remaining;
            this.what = what;
        }
    }

    /** The next {@code count} calls (of any action) get HTTP 400 Throttling. */
    public synchronized FaultInjector throttleNext(int count) {
        return throttleNext(count, null);
    }

    /** The next {@code count} calls of {@code action} (null: any) get HTTP 400 Throttling. */
    public synchronized FaultInjector throttleNext(int count, String action) {
        return add(action, count, new Fail(400, THROTTLING, "Request was denied due to request throttling."));
    }

    /** The next {@code count} calls of {@code action} (null: any) fail with this status, code and message. */
    public synchronized FaultInjector failNext(int count, String action, int httpStatus, String code, String message) {
        return add(action, count, new Fail(httpStatus, code, message));
    }

    /** The next {@code count} calls of {@code action} (null: any) have their connection closed without an answer. */
    public synchronized FaultInjector dropNext(int count, String action) {
        return add(action, count, new Drop());
    }

    /** Every answer waits this long before it is sent (zero: none). */
    public FaultInjector delayResponses(Duration responseDelay) {
        if (responseDelay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive, was " + responseDelay);
        }
        this.delay = responseDelay;
        return this;
    }

    public Duration responseDelay() {
        return delay;
    }

    /** Forgets every fault and the delay. */
    public synchronized void clear() {
        faults.clear();
        delay = Duration.ZERO;
    }

    private FaultInjector add(String action, int count, Action what) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        faults.add(new Fault(action, count, what));
        return this;
    }

    /** The fault this call meets, consuming one use of it. */
    synchronized Optional<Action> take(String action) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if (fault.action == null || fault.action.equals(action)) {
                if (--fault.remaining == 0) {
                    it.remove();
                }
                return Optional.of(fault.what);
            }
        }
        return Optional.empty();
    }
}
