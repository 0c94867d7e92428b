package dev.atrium.gateway.application.port.out;

import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;
import io.smallrye.mutiny.Uni;

public interface GuardrailChecker {

    Uni<CheckResult> check(CheckRequest request);

    /** The {@code moderation} plugin: the content filters in force for the key, on an answer's text. */
    Uni<ModerationResult> moderate(ModerationRequest request);

    /** Frees a reservation no usage record will settle (no provider answered); never fails. */
    Uni<Void> release(String reservationId);

    /**
     * Frees what this gateway instance held in its earlier lives (they ended: nothing of theirs will settle or
     * release it); the holds of this life and of other instances stay. Answers how many were still held;
     * fails when guardrail-service did not answer.
     */
    Uni<Integer> releasePreviousLives();
}
