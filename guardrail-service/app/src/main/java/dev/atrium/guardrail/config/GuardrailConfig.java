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

    /**
     * How long a reservation holds its worst case when neither a usage record nor a release arrives (a
     * gateway that crashed mid-request). Longer than a request lasts: a non-streamed attempt is cut at
     * the gateway's upstream timeout (60 s) and a request falls back a few times; a stream may run
     * longer, and one that outlives its hold is still charged in full when its usage arrives.
     */
    @WithDefault("5m")
    Duration reservationTtl();

    /** How often expired reservations are looked for (read by the sweeper's schedule). */
    @WithDefault("5s")
    String reservationSweepEvery();

    /** How often held amounts are reconciled with open reservations (read by the reconciler's schedule). */
    @WithDefault("30s")
    String reconciliationEvery();

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
