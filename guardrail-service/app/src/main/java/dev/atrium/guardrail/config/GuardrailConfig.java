package dev.atrium.guardrail.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The guardrail's own settings. */
@ConfigMapping(prefix = "atrium.guardrail")
public interface GuardrailConfig {

    /** Routing's base URL, for its public catalogue when a model's prices are not known from events yet. */
    @WithDefault("http://127.0.0.1:8083")
    String routingUrl();

    /** How long a reservation holds its worst case when neither a usage record nor a release arrives. */
    @WithDefault("10m")
    Duration reservationTtl();

    /** How often stale reservations are looked for (read by the sweeper's schedule). */
    @WithDefault("30s")
    String reservationSweepEvery();

    /** Completion tokens a request may produce when it sets no max_tokens and the catalogue knows no maximum. */
    @WithDefault("4096")
    int defaultMaxCompletionTokens();

    /**
     * Whether a check's reservation waits for the disk at commit. Off by default: a database crash
     * may then lose the last moments of holds, never spend (docs/adr/0004-reservation-write-path.md).
     */
    @WithDefault("false")
    boolean durableReservations();
}
