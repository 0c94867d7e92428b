package dev.atrium.gateway.application.service;

import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.out.GenerationObserver;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.gateway.application.service.Admission.Admitted;
import dev.atrium.gateway.domain.Charge;
import dev.atrium.gateway.domain.Usage;
import dev.atrium.routing.api.Candidate;
import dev.atrium.workspace.api.KeyContext;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The one usage record of a generation, written here and nowhere else: by {@link ChatCompletionService} for an
 * answer, by {@link StreamRelay} when a stream ends. The workspace's own observability destinations, if it has
 * any, hear of it too ({@code completion} is read only then).
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

    void record(Admitted admitted, String generationId, Candidate c, Usage tokens, Charge charge, Instant started,
            boolean stream, String finishReason, Supplier<String> completion) {
        long latency = clock.millis() - started.toEpochMilli();
        KeyContext key = admitted.key();
        UsageRecorded record = new UsageRecorded(generationId, key.organizationId(), key.workspaceId(), key.keyId(),
                key.ownerUserId(), c.model(), c.provider(), c.upstreamModel(), tokens.promptTokens(),
                tokens.completionTokens(), c.price().prompt(), c.price().completion(), charge.cost(), c.byok(),
                admitted.verdict().reservationId(), admitted.verdict().policyRevision(), latency, stream,
                finishReason, clock.instant());
        usage.usageRecorded(record);
        if (!key.observability().isEmpty()) {
            observer.generationFinished(new GenerationObserver.FinishedGeneration(record, key,
                    MessageText.of(admitted.body()).text(), completion.get()));
        }
    }
}
