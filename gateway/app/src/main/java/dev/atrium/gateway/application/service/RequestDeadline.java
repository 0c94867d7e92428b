package dev.atrium.gateway.application.service;

import dev.atrium.common.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The request's overall deadline ({@code atrium.gateway.request-deadline}), answers and streams alike: 504 past it. */
final class RequestDeadline {

    private final Duration limit;
    private final Clock clock;

    RequestDeadline(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** What is left of the request's deadline; at least a millisecond, so an expired one fails at once. */
    Duration left(Instant started) {
        Duration left = limit.minus(Duration.between(started, clock.instant()));
        return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
    }

    ApiException exceeded() {
        return new ApiException(504, "The request did not finish within its deadline of "
                + limit.toSeconds() + " s", Map.of("deadline_seconds", limit.toSeconds()));
    }
}
