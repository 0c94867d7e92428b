package dev.atrium.gateway.application.service;

import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.out.GenerationObserver;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.gateway.application.service.Admission.Admitted;
import dev.atrium.gateway.domain.Charge;
import dev.atrium.gateway.domain.Usage;
import dev.atrium.routing.api.Candidate;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The one usage record of a generation, written here and nowhere else: by {@link ChatCompletionService} for an
 * answer, by {@link StreamRelay} when a stream ends. The workspace's own observability destinations, if it has
 * any, hear of it too ({@code completion} is read only then). The record's stage completes when it is durable:
 * an answer's final bytes wait for it (ADR 0024).
 */
final class UsageRecorder {

    private final UsagePublisher usage;
    private final GenerationObserver observer;
    private final Clock clock;

    UsageRecorder(UsagePublisher usage, GenerationObserver observer, Clock clock) {
        this.usage = usage;
        this.observer = observer;
        this.clock = clock;
    }

    /** Records the generation; the stage returned completes once the record is durable. */
    CompletionStage<Void> record(Admitted admitted, String generationId, Candidate c, Usage tokens, Charge charge, Instant started,
            boolean stream, String finishReason, Supplier<String> completion) {
        long latency = clock.millis() - started.toEpochMilli();
        KeyContext key = admitted.key();
        UsageRecorded record = new UsageRecorded(generationId, key.organizationId(), key.workspaceId(), key.keyId(),
                key.ownerUserId(), c.model(), c.provider(), c.upstreamModel(), tokens.promptTokens(),
                tokens.completionTokens(), c.price().prompt(), c.price().completion(), charge.cost(), c.byok(),
                admitted.verdict().reservationId(), admitted.verdict().policyRevision(), latency, stream,
                finishReason, clock.instant());
        CompletionStage<Void> durable = usage.usageRecorded(record);
        if (!key.observability().isEmpty()) {
            observer.generationFinished(new GenerationObserver.FinishedGeneration(record, key,
                    MessageText.of(admitted.body()).text(), completion.get()));
        }
        return durable;
    }

    /**
     * Waits, without blocking, until a usage record is durable: an answer is not sent before its usage is on disk
     * or in Kafka, so a crash cannot lose what a client was served (ADR 0024). A record that could not be made
     * durable in time still lets the answer go: the provider was paid already, the publisher counted and logged it.
     */
    static Uni<Void> durable(CompletionStage<Void> recorded) {
        return Uni.createFrom().completionStage(recorded).onFailure().recoverWithNull();
    }
}
