package dev.atrium.local.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test moves by hand, to cross expiry times and window boundaries without sleeping. The one
 * copy every module's tests use (with the rest of this package, on their test classpath).
 */
public final class MutableClock extends Clock {

    // volatile: a cache under test may read the time on another thread than the one moving it
    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant at) {
        now = at;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same clock: tests compare instants, and every service works in UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
