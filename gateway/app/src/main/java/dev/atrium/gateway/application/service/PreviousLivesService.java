package dev.atrium.gateway.application.service;

import dev.atrium.gateway.application.port.in.ReleasePreviousLivesUseCase;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * A gateway instance that starts again (after a crash, a kill or a stop with requests in flight) gives
 * back what its earlier lives held, instead of leaving it to guardrail's sweep for the reservation's
 * time to live. It waits until every usage record those lives left in the spool is in Kafka: a hold whose
 * request was answered is settled by its record, and giving it back first would leave its spend
 * unreserved in between. Retried with backoff while guardrail-service or Kafka is away; after
 * {@link #GIVE_UP_AFTER} the sweep has given the holds back anyway (docs/adr/0019-holds-instance-release.md).
 */
@ApplicationScoped
public class PreviousLivesService implements ReleasePreviousLivesUseCase {

    static final Duration FIRST_RETRY = Duration.ofMillis(200);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private final GuardrailChecker guardrail;
    private final UsagePublisher usage;

    public PreviousLivesService(GuardrailChecker guardrail, UsagePublisher usage) {
        this.guardrail = guardrail;
        this.usage = usage;
    }

    @Override
    public Uni<Integer> releasePreviousLives() {
        return Uni.createFrom().item(usage::previousLifeSent)
                .chain(sent -> sent ? guardrail.releasePreviousLives()
                        : Uni.createFrom().<Integer>failure(new IllegalStateException(
                                "Usage records of an earlier life still wait in the spool")))
                .onFailure().retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).expireIn(GIVE_UP_AFTER.toMillis());
    }
}
