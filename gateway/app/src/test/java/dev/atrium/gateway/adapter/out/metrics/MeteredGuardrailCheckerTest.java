package dev.atrium.gateway.adapter.out.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class MeteredGuardrailCheckerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Deque<Uni<CheckResult>> answers = new ArrayDeque<>();
    private final MeteredGuardrailChecker metered = new MeteredGuardrailChecker(new GuardrailChecker() {
        @Override
        public Uni<CheckResult> check(CheckRequest request) {
            return answers.pop();
        }

        @Override
        public Uni<ModerationResult> moderate(ModerationRequest request) {
            return Uni.createFrom().nullItem();
        }

        @Override
        public Uni<Void> release(String reservationId) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Integer> releasePreviousLives() {
            return Uni.createFrom().item(0);
        }
    }, registry);

    @Test
    void timesEachCheckByOutcome() {
        answers.add(Uni.createFrom().item(new CheckResult(true, 200, null, null, "res_1", "rev")));
        answers.add(Uni.createFrom().item(CheckResult.deny(402, "no credits", "rev")));
        answers.add(Uni.createFrom().failure(new IllegalStateException("guardrail down")));

        metered.check(null).await().indefinitely();
        metered.check(null).await().indefinitely();
        assertThatThrownBy(() -> metered.check(null).await().indefinitely()).hasMessage("guardrail down");

        for (String outcome : new String[] {"allowed", "denied", "error"}) {
            assertThat(registry.get(MeteredGuardrailChecker.CHECKS).tags("outcome", outcome).timer().count())
                    .as(outcome).isEqualTo(1);
        }
    }
}
