package dev.atrium.gateway.adapter.out.metrics;

import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.guardrail.api.CheckLatency;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Times every policy check as the request path waits for it (batching and the hop to guardrail-service
 * included), by outcome: {@code allowed}, {@code denied} (the status is the client's answer) or {@code error}
 * (no answer: the request is refused). Check latency is added to every request's time to first token.
 */
@Decorator
@Priority(10)
class MeteredGuardrailChecker implements GuardrailChecker {

    static final String CHECKS = "atrium.gateway.check.latency";
    private static final Duration[] BUCKETS = CheckLatency.buckets();

    private final GuardrailChecker delegate;
    private final MeterRegistry registry;

    @Inject
    MeteredGuardrailChecker(@Delegate @Any GuardrailChecker delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public Uni<CheckResult> check(CheckRequest request) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return delegate.check(request)
                    .onItem().invoke(result -> time(start, result.allowed() ? "allowed" : "denied"))
                    .onFailure().invoke(e -> time(start, "error"));
        });
    }

    private void time(long start, String outcome) {
        Timer.builder(CHECKS)
                .description("Policy checks as the request path waits for them, by outcome")
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public Uni<ModerationResult> moderate(ModerationRequest request) {
        return delegate.moderate(request);
    }

    @Override
    public Uni<Void> release(String reservationId) {
        return delegate.release(reservationId);
    }

    @Override
    public Uni<Integer> releasePreviousLives() {
        return delegate.releasePreviousLives();
    }
}
