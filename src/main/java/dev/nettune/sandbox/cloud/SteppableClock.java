package dev.nettune.sandbox.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that only moves when told to, so that tests can step the region's asynchronous transitions. */
public final class SteppableClock extends Clock {
    private volatile Instant now;

    public SteppableClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
