package dev.atrium.gateway.application.port.out;

import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import io.smallrye.mutiny.Uni;

public interface GuardrailChecker {

    Uni<CheckResult> check(CheckRequest request);
}
