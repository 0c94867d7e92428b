package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase;
import dev.atrium.gateway.application.port.in.StreamChatUseCase;
import dev.atrium.gateway.application.port.out.GenerationObserver;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.UpstreamProvider;
import dev.atrium.gateway.application.port.out.UpstreamProvider.UpstreamAnswer;
import dev.atrium.gateway.application.port.out.UpstreamProvider.UpstreamStream;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.gateway.application.port.out.WorkspaceSettingsReader;
import dev.atrium.gateway.application.service.Admission.Admitted;
import dev.atrium.gateway.domain.ContextCompression;
import dev.atrium.gateway.domain.Fallback;
import dev.atrium.gateway.domain.GenerationId;
import dev.atrium.gateway.domain.JsonHealing;
import dev.atrium.gateway.domain.Plugins;
import dev.atrium.gateway.domain.PromptEstimate;
import dev.atrium.gateway.domain.StreamTally;
import dev.atrium.gateway.domain.Usage;
import dev.atrium.routing.api.Candidate;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The request path of DESIGN.md: admit the request (resolve, preset, check and plan), call the
 * candidates in order with fallback, each with the platform's credentials or the workspace's own
 * key, and record the usage once.
 */
@ApplicationScoped
public class ChatCompletionService implements CompleteChatUseCase, StreamChatUseCase {

    private final Admission admission;
    private final Moderation moderation;
    private final GuardrailChecker guardrail;
    private final WorkspaceSettingsReader settings;
    private final UpstreamProvider upstream;
    private final UsagePublisher usage;
    private final GenerationObserver observer;
    private final Clock clock;

    public ChatCompletionService(Admission admission, GuardrailChecker guardrail, WorkspaceSettingsReader settings,
            UpstreamProvider upstream, UsagePublisher usage, GenerationObserver observer, Clock clock) {
        this.admission = admission;
        this.moderation = new Moderation(guardrail);
        this.guardrail = guardrail;
        this.settings = settings;
        this.upstream = upstream;
        this.usage = usage;
        this.observer = observer;
        this.clock = clock;
    }

    @Override
    public Uni<ObjectNode> complete(CompleteChatCommand command) {
        Instant started = clock.instant();
        return admission.prepare(command).chain(admission::admit)
                .chain(admitted -> Uni.createFrom().deferred(() -> call(admitted, started))
                        // A generated answer is recorded even when it is not delivered: its usage settles the reservation.
                        .onFailure(e -> !(e instanceof Moderation.AfterGeneration))
                        .call(() -> guardrail.release(admitted.verdict().reservationId()))
                        .onTermination().invoke(() -> admission.finished(admitted)));
    }

    private Uni<ObjectNode> call(Admitted admitted, Instant started) {
        String generationId = GenerationId.next();
        return attempt(admitted, admitted.body(), generationId, 0, new ArrayList<>())
                .chain(success -> moderation.moderate(admitted, success.answer().body())
                        .onFailure(e -> !(e instanceof Moderation.AfterGeneration)).transform(e -> {
                            // The answer exists and was paid for: recorded, though the check could not run.
                            answer(admitted, generationId, success, started, "error");
                            return new Moderation.AfterGeneration(503,
                                    "The answer could not be moderated and was withheld: " + e.getMessage());
                        })
                        .map(verdict -> {
                            ObjectNode answer = answer(admitted, generationId, success, started,
                                    verdict.allowed() ? null : Moderation.CONTENT_FILTER);
                            if (!verdict.allowed()) {
                                throw new Moderation.Withheld(verdict.message());
                            }
                            return answer;
                        }));
    }

    private Uni<Success> attempt(Admitted admitted, ObjectNode body, String generationId, int index,
            List<Map<String, Object>> failures) {
        if (index >= admitted.candidates().size()) {
            return Uni.createFrom().failure(new ApiException(502, "Every provider failed",
                    Map.of("attempts", failures)));
        }
        Candidate candidate = admitted.candidates().get(index);
        return credential(admitted.key(), candidate).chain(credential -> {
            if (credential.isEmpty()) {
                failures.add(noByokKey(candidate));
                return attempt(admitted, body, generationId, index + 1, failures);
            }
            return upstream.complete(candidate, upstreamBody(admitted, body, candidate), credential.get().orElse(null))
                    .chain(answer -> {
                        publishAttempt(generationId, candidate, answer);
                        if (answer.ok()) {
                            heal(admitted, body, answer.body());
                            return Uni.createFrom().item(new Success(candidate, answer));
                        }
                        failures.add(Map.of("provider", candidate.provider(), "model", candidate.model(),
                                "status", answer.status(), "message", String.valueOf(answer.error())));
                        if (Fallback.isRetryable(answer.status())) {
                            return attempt(admitted, body, generationId, index + 1, failures);
                        }
                        return Uni.createFrom().failure(rejected(candidate, answer));
                    });
        });
    }

    /** @param finishReason overrides the provider's in the usage record; null keeps it */
    private ObjectNode answer(Admitted admitted, String generationId, Success success, Instant started,
            String finishReason) {
        ObjectNode body = success.answer().body();
        Candidate c = success.candidate();
        Usage tokens = new Usage(body.path("usage").path("prompt_tokens").asLong(),
                body.path("usage").path("completion_tokens").asLong());
        body.put("id", generationId);
        body.put("model", c.model());
        body.put("provider", c.provider());
        ObjectNode usageNode = body.putObject("usage");
        putUsage(usageNode, tokens, tokens.cost(c.price()), c.byok());
        record(admitted, generationId, c, tokens, started, null, false, finishReason != null ? finishReason
                : body.path("choices").path(0).path("finish_reason").asText(null),
                () -> body.path("choices").path(0).path("message").path("content").asText(null));
        return body;
    }

    /**
     * {@code cost} is what the provider charges for the tokens; for a BYOK generation the workspace's own
     * provider account pays it and the organization's credits only the BYOK fee, if any.
     */
    private static void putUsage(ObjectNode usageNode, Usage tokens, BigDecimal cost, boolean byok) {
        usageNode.put("prompt_tokens", tokens.promptTokens());
        usageNode.put("completion_tokens", tokens.completionTokens());
        usageNode.put("total_tokens", tokens.promptTokens() + tokens.completionTokens());
        usageNode.put("cost", cost);
        usageNode.put("is_byok", byok);
        usageNode.putObject("cost_details").put("upstream_inference_cost", cost);
    }

    /**
     * The one usage record of a generation, with the cost computed here and nowhere else; the workspace's
     * own observability destinations, if it has any, hear of it too ({@code completion} is read only then).
     */
    private void record(Admitted admitted, String generationId, Candidate c, Usage tokens, Instant started,
            Long timeToFirstTokenMs, boolean stream, String finishReason, Supplier<String> completion) {
        long latency = clock.millis() - started.toEpochMilli();
        KeyContext key = admitted.key();
        UsageRecorded record = new UsageRecorded(generationId, key.organizationId(), key.workspaceId(), key.keyId(),
                key.ownerUserId(), c.model(), c.provider(), c.upstreamModel(), tokens.promptTokens(),
                tokens.completionTokens(), c.price().prompt(), c.price().completion(), tokens.cost(c.price()), c.byok(),
                admitted.verdict().reservationId(), admitted.verdict().policyRevision(), latency, stream,
                finishReason, clock.instant());
        usage.usageRecorded(record);
        if (!key.observability().isEmpty()) {
            observer.generationFinished(new GenerationObserver.FinishedGeneration(record, key,
                    MessageText.of(admitted.body()).text(), completion.get()));
        }
    }

    // ---- streaming

    @Override
    public Uni<ChatStream> open(CompleteChatCommand command) {
        Instant started = clock.instant();
        return admission.prepare(command).chain(admission::admit)
                .map(admitted -> {
                    String generationId = GenerationId.next();
                    ObjectNode body = admitted.body().deepCopy();
                    body.put("stream", true);
                    body.putObject("stream_options").put("include_usage", true);
                    Multi<ObjectNode> chunks = startStream(admitted, body, generationId, 0, new ArrayList<>())
                            .onFailure().call(() -> guardrail.release(admitted.verdict().reservationId()))
                            .onItem().transformToMulti(live -> moderation.moderate(admitted,
                                    relay(admitted, generationId, live, started,
                                            PromptEstimate.tokens(admitted.request().promptCharacters()))))
                            .onTermination().invoke(() -> admission.finished(admitted));
                    return new ChatStream(generationId, chunks);
                });
    }

    private Uni<LiveStream> startStream(Admitted admitted, ObjectNode body, String generationId, int index,
            List<Map<String, Object>> failures) {
        if (index >= admitted.candidates().size()) {
            return Uni.createFrom().failure(new ApiException(502, "Every provider failed",
                    Map.of("attempts", failures)));
        }
        Candidate candidate = admitted.candidates().get(index);
        return credential(admitted.key(), candidate).chain(credential -> {
            if (credential.isEmpty()) {
                failures.add(noByokKey(candidate));
                return startStream(admitted, body, generationId, index + 1, failures);
            }
            return upstream.stream(candidate, upstreamBody(admitted, body, candidate), credential.get().orElse(null))
                    .chain(opened -> {
                        if (opened.ok()) {
                            return Uni.createFrom().item(new LiveStream(candidate, opened));
                        }
                        UpstreamAnswer failed = new UpstreamAnswer(opened.status(), null, opened.error(),
                                opened.latencyMs());
                        publishAttempt(generationId, candidate, failed);
                        failures.add(Map.of("provider", candidate.provider(), "model", candidate.model(),
                                "status", opened.status(), "message", String.valueOf(opened.error())));
                        if (Fallback.isRetryable(opened.status())) {
                            return startStream(admitted, body, generationId, index + 1, failures);
                        }
                        return Uni.createFrom().failure(rejected(candidate, failed));
                    });
        });
    }

    /** Rewrites the upstream's chunks for the client and records the generation exactly once. */
    private Multi<ObjectNode> relay(Admitted admitted, String generationId, LiveStream live, Instant started,
            long estimatedPromptTokens) {
        Candidate c = live.candidate();
        StreamTally tally = new StreamTally();
        // The answer's text, kept only for the workspace's own observability destinations.
        StringBuilder text = admitted.key().observability().isEmpty() ? null : new StringBuilder();
        AtomicBoolean recorded = new AtomicBoolean();
        Runnable finish = () -> {
            if (recorded.compareAndSet(false, true)) {
                Usage tokens = tally.usage(estimatedPromptTokens);
                record(admitted, generationId, c, tokens, started, tally.firstTokenAfterMs(), true,
                        tally.finishReason() == null ? "cancelled" : tally.finishReason(),
                        () -> text == null ? null : text.toString());
                attempted(new ProviderAttempt(generationId, c.provider(), c.model(),
                        "error".equals(tally.finishReason()) ? "error" : "success", 200,
                        clock.millis() - started.toEpochMilli(), tally.firstTokenAfterMs(), tokens.completionTokens(),
                        clock.instant()));
            }
        };
        Multi<ObjectNode> rewritten = live.stream().chunks().map(chunk -> {
            chunk.put("id", generationId);
            chunk.put("model", c.model());
            chunk.put("provider", c.provider());
            JsonNode choice = chunk.path("choices").path(0);
            String delta = choice.path("delta").path("content").asText("");
            if (!delta.isEmpty()) {
                tally.content(clock.millis() - started.toEpochMilli());
                if (text != null) {
                    text.append(delta);
                }
            }
            if (choice.hasNonNull("finish_reason")) {
                tally.finish(choice.path("finish_reason").asText());
            }
            JsonNode reported = chunk.path("usage");
            if (reported.isObject()) {
                tally.usage(reported.path("prompt_tokens").asLong(), reported.path("completion_tokens").asLong());
                Usage tokens = tally.usage(estimatedPromptTokens);
                putUsage(chunk.putObject("usage"), tokens, tokens.cost(c.price()), c.byok());
            }
            return chunk;
        });
        Multi<ObjectNode> closing = Multi.createFrom().deferred(() -> {
            if (tally.hasReportedUsage()) {
                return Multi.createFrom().empty();
            }
            // The provider sent no usage: the client still gets one, from the estimate.
            Usage tokens = tally.usage(estimatedPromptTokens);
            ObjectNode last = JsonNodeFactory.instance.objectNode();
            last.put("id", generationId).put("object", "chat.completion.chunk").put("model", c.model())
                    .put("provider", c.provider()).putArray("choices");
            putUsage(last.putObject("usage"), tokens, tokens.cost(c.price()), c.byok());
            return Multi.createFrom().item(last);
        });
        return Multi.createBy().concatenating().streams(rewritten, closing)
                .onFailure().invoke(e -> tally.finish("error"))
                .onTermination().invoke(finish);
    }

    private record LiveStream(Candidate candidate, UpstreamStream stream) {
    }

    /** Publishes the attempt for routing's statistics; a failed one also stops the reuse of plans. */
    private void attempted(ProviderAttempt attempt) {
        if (!"success".equals(attempt.outcome())) {
            admission.providerFailed();
        }
        usage.providerAttempted(attempt);
    }

    private void publishAttempt(String generationId, Candidate candidate, UpstreamAnswer answer) {
        String outcome = answer.ok() ? "success" : answer.status() == 0 ? "timeout" : "error";
        long completionTokens = answer.ok() ? answer.body().path("usage").path("completion_tokens").asLong() : 0;
        attempted(new ProviderAttempt(generationId, candidate.provider(), candidate.model(), outcome,
                answer.status(), answer.latencyMs(), null, completionTokens, clock.instant()));
    }

    private static ApiException rejected(Candidate candidate, UpstreamAnswer answer) {
        int status = answer.status() == 400 || answer.status() == 422 ? 400 : 502;
        return new ApiException(status, "Provider " + candidate.provider() + " rejected the request: "
                + answer.error(), Map.of("provider_name", candidate.provider(), "upstream_status", answer.status()));
    }

    /**
     * The credential for one candidate: empty when a BYOK candidate's key is gone (the candidate is
     * skipped like a failed one); present with null for the platform's own credentials.
     */
    private Uni<Optional<Optional<String>>> credential(KeyContext key, Candidate candidate) {
        if (!candidate.byok()) {
            return Uni.createFrom().item(Optional.of(Optional.empty()));
        }
        return settings.byokKey(key.workspaceId(), candidate.provider(), key.settingsRevision())
                .map(found -> found.map(Optional::of));
    }

    /** A BYOK candidate whose key was deleted since the key's context was read: skipped, no provider called. */
    private static Map<String, Object> noByokKey(Candidate candidate) {
        return Map.of("provider", candidate.provider(), "model", candidate.model(), "status", 0,
                "message", "the workspace's own " + candidate.provider() + " key was removed");
    }

    /** The body one candidate gets: its model id, and the conversation trimmed to its context if asked. */
    private static ObjectNode upstreamBody(Admitted admitted, ObjectNode body, Candidate candidate) {
        ObjectNode upstreamBody = body.deepCopy();
        upstreamBody.put("model", candidate.upstreamModel());
        upstreamBody.remove(List.of("models", "provider", "plugins", "preset", "route"));
        if (admitted.plugins().contains(Plugins.CONTEXT_COMPRESSION) && candidate.contextLength() > 0) {
            var messages = upstreamBody.withArray("messages");
            List<ContextCompression.Message> sizes = new ArrayList<>();
            messages.forEach(m -> sizes.add(new ContextCompression.Message(m.path("role").asText(),
                    m.path("content").isTextual() ? m.path("content").asText().length() : m.path("content").toString().length())));
            int answer = admitted.request().maxTokens() != null ? admitted.request().maxTokens()
                    : candidate.maxCompletionTokens() == null ? 0 : candidate.maxCompletionTokens();
            List<Integer> keep = ContextCompression.keep(sizes, candidate.contextLength(), answer);
            if (keep.size() < sizes.size()) {
                var trimmed = upstreamBody.putArray("messages");
                keep.forEach(i -> trimmed.add(messages.get(i)));
            }
        }
        return upstreamBody;
    }

    /** response-healing: JSON the client asked for comes back parseable whenever it can be repaired. */
    private static void heal(Admitted admitted, ObjectNode body, ObjectNode answer) {
        String format = body.path("response_format").path("type").asText("");
        if (!admitted.plugins().contains(Plugins.RESPONSE_HEALING)
                || !(format.equals("json_object") || format.equals("json_schema"))) {
            return;
        }
        for (JsonNode choice : answer.path("choices")) {
            JsonNode message = choice.path("message");
            if (message.path("content").isTextual()) {
                ((ObjectNode) message).put("content", JsonHealing.repair(message.path("content").asText()));
            }
        }
    }

    private record Success(Candidate candidate, UpstreamAnswer answer) {
    }
}
