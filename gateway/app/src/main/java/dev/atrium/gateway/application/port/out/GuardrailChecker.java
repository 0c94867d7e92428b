package dev.atrium.gateway.application.port.out;

import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import io.smallrye.mutiny.Uni;

public interface GuardrailChecker {

    Uni<CheckResult> check(CheckRequest request);

    /** Frees a reservation no usage record will settle (no provider answered); never fails. */
    Uni<Void> release(String reservationId);
}
