package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase;
import dev.atrium.gateway.application.port.in.StreamChatUseCase;
import dev.atrium.gateway.application.port.out.GenerationObserver;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.UpstreamProvider;
import dev.atrium.gateway.application.port.out.UpstreamProvider.UpstreamAnswer;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.gateway.application.port.out.WorkspaceSettingsReader;
import dev.atrium.gateway.application.service.Admission.Admitted;
import dev.atrium.gateway.application.service.Failover.Tried;
import dev.atrium.gateway.application.service.StreamRelay.LiveStream;
import dev.atrium.gateway.config.GatewayConfig;
import dev.atrium.gateway.domain.Charge;
import dev.atrium.gateway.domain.GenerationId;
import dev.atrium.gateway.domain.PromptEstimate;
import dev.atrium.gateway.domain.Usage;
import dev.atrium.routing.api.Candidate;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The request path of DESIGN.md: admit the request (resolve, preset, check and plan), try the candidates
 * ({@link Failover}: one loop for answers and streams), and record the usage once ({@link UsageRecorder}: for an
 * answer in {@link #answer}, for a stream when it ends in {@link StreamRelay}).
 */
@ApplicationScoped
public class ChatCompletionService implements CompleteChatUseCase, StreamChatUseCase {

    private final Admission admission;
    private final Moderation moderation;
    private final GuardrailChecker guardrail;
    private final UpstreamProvider upstream;
    private final UsageRecorder usage;
    private final ProviderAttempts attempts;
    private final Failover failover;
    private final StreamRelay relay;
    private final RequestDeadline deadline;
    private final Clock clock;
    private final Duration firstTokenTimeout;

    @Inject
    public ChatCompletionService(Admission admission, GuardrailChecker guardrail, WorkspaceSettingsReader settings,
            UpstreamProvider upstream, UsagePublisher usage, GenerationObserver observer, Clock clock,
            GatewayConfig config) {
        this(admission, guardrail, settings, upstream, usage, observer, clock, config.firstTokenTimeout(),
                config.requestDeadline());
    }

    ChatCompletionService(Admission admission, GuardrailChecker guardrail, WorkspaceSettingsReader settings,
            UpstreamProvider upstream, UsagePublisher usage, GenerationObserver observer, Clock clock,
            Duration firstTokenTimeout, Duration requestDeadline) {
        this.admission = admission;
        this.moderation = new Moderation(guardrail);
        this.guardrail = guardrail;
        this.upstream = upstream;
        this.usage = new UsageRecorder(usage, observer, clock);
        this.attempts = new ProviderAttempts(admission, usage, clock);
        this.failover = new Failover(settings, attempts);
        this.deadline = new RequestDeadline(requestDeadline, clock);
        this.relay = new StreamRelay(this.usage, attempts, deadline, clock);
        this.clock = clock;
        this.firstTokenTimeout = firstTokenTimeout;
    }

    @Override
    public Uni<ObjectNode> complete(CompleteChatCommand command) {
        Instant started = clock.instant();
        return admission.prepare(command).chain(admission::admit)
                .chain(admitted -> Uni.createFrom().deferred(() -> call(admitted, started))
                        .ifNoItem().after(deadline.left(started)).failWith(deadline::exceeded)
                        // A generated answer is recorded even when it is not delivered: its usage settles the reservation.
                        .onFailure(e -> !(e instanceof Moderation.AfterGeneration))
                        .call(() -> guardrail.release(admitted.verdict().reservationId())));
    }

    private Uni<ObjectNode> call(Admitted admitted, Instant started) {
        String generationId = GenerationId.next();
        return failover.first(admitted, generationId, (candidate, credential) -> answerOf(admitted, generationId,
                        candidate, credential))
                .chain(success -> moderation.moderate(admitted, success.answer().body())
                        .onFailure(e -> !(e instanceof Moderation.AfterGeneration)).transform(e -> {
                            // The answer exists and was paid for: recorded, though the check could not run.
                            answer(admitted, generationId, success, started, "error");
                            return new Moderation.AfterGeneration(503,
                                    "The answer could not be moderated and was withheld: " + e.getMessage());
                        })
                        .chain(verdict -> {
                            Uni<ObjectNode> answer = answer(admitted, generationId, success, started,
                                    verdict.allowed() ? null : Moderation.CONTENT_FILTER);
                            if (!verdict.allowed()) {
                                throw new Moderation.Withheld(verdict.message());
                            }
                            return answer;
                        }));
    }

    /** One candidate asked for a whole answer: any answer but a complete one is a failed attempt. */
    private Uni<Tried<Success>> answerOf(Admitted admitted, String generationId, Candidate candidate,
            String credential) {
        ObjectNode body = admitted.body();
        return upstream.complete(candidate, UpstreamBodies.forCandidate(admitted, body, candidate), credential)
                .map(answer -> {
                    if (!answer.ok()) {
                        return Tried.failed(answer);
                    }
                    attempts.answered(generationId, candidate, answer);
                    UpstreamBodies.heal(admitted, body, answer.body());
                    return Tried.answered(new Success(candidate, answer));
                });
    }

    /**
     * Records the answer's usage at once; the answer itself comes once that record is durable (ADR 0024).
     * @param finishReason overrides the provider's in the usage record; null keeps it
     */
    private Uni<ObjectNode> answer(Admitted admitted, String generationId, Success success, Instant started,
            String finishReason) {
        ObjectNode body = success.answer().body();
        Candidate c = success.candidate();
        Usage tokens = new Usage(body.path("usage").path("prompt_tokens").asLong(),
                body.path("usage").path("completion_tokens").asLong());
        body.put("id", generationId);
        body.put("model", c.model());
        body.put("provider", c.provider());
        Charge charge = Charge.of(tokens, c.price(), admitted.verdict().reserved());
        ChatShapes.answer(body, started.getEpochSecond());
        ChatShapes.usage(body, tokens, charge, c.price(), c.byok());
        CompletionStage<Void> recorded = usage.record(admitted, generationId, c, tokens, charge, started, false,
                finishReason != null ? finishReason : body.path("choices").path(0).path("finish_reason").asText(null),
                () -> body.path("choices").path(0).path("message").path("content").asText(null));
        return UsageRecorder.durable(recorded).replaceWith(body);
    }

    @Override
    public Uni<ChatStream> open(CompleteChatCommand command) {
        Instant started = clock.instant();
        return admission.prepare(command).chain(admission::admit)
                .map(admitted -> {
                    String generationId = GenerationId.next();
                    ObjectNode body = admitted.body().deepCopy();
                    body.put("stream", true);
                    body.putObject("stream_options").put("include_usage", true);
                    Multi<ObjectNode> chunks = failover.first(admitted, generationId,
                                    (candidate, credential) -> streamOf(admitted, body, candidate, credential))
                            .ifNoItem().after(deadline.left(started)).failWith(deadline::exceeded)
                            .onFailure().call(() -> guardrail.release(admitted.verdict().reservationId()))
                            .onItem().transformToMulti(live -> moderation.moderate(admitted,
                                    relay.relay(admitted, generationId, live, started,
                                            PromptEstimate.tokens(admitted.request().promptCharacters()))));
                    return new ChatStream(generationId, admitted.request().requestedModels().get(0), chunks);
                });
    }

    /**
     * One candidate asked for a stream. It is chosen only once it begins the answer within the first-token
     * timeout: a stream refused, or dropped or silent before its first content, is a failed attempt (nothing of
     * it was relayed or will be charged) and the next candidate is tried.
     */
    private Uni<Tried<LiveStream>> streamOf(Admitted admitted, ObjectNode body, Candidate candidate,
            String credential) {
        long attemptStarted = clock.millis();
        return upstream.stream(candidate, UpstreamBodies.forCandidate(admitted, body, candidate), credential)
                .chain(opened -> {
                    if (!opened.ok()) {
                        return Uni.createFrom().item(Tried.<LiveStream>failed(new UpstreamAnswer(opened.status(),
                                null, opened.error(), opened.latencyMs())));
                    }
                    return FirstOutput.of(opened.chunks(), StreamRelay::beginsAnswer)
                            .ifNoItem().after(firstTokenTimeout).failWith(() -> new FirstOutput.Silent(
                                    "no content within " + firstTokenTimeout.toSeconds() + " s"))
                            .onItemOrFailure().transform((chunks, dropped) -> {
                                if (dropped == null) {
                                    return Tried.answered(new LiveStream(candidate, chunks));
                                }
                                int status = dropped instanceof FirstOutput.Silent ? 0 : 502;
                                return Tried.failed(new UpstreamAnswer(status, null,
                                        "the stream ended before any content: " + dropped.getMessage(),
                                        clock.millis() - attemptStarted));
                            });
                });
    }

    private record Success(Candidate candidate, UpstreamAnswer answer) {
    }
}
