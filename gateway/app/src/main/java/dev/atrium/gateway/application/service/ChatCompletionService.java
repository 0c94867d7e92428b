package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.gateway.application.port.out.WorkspaceSettingsReader;
import dev.atrium.gateway.application.service.Admission.Admitted;
import dev.atrium.gateway.config.GatewayConfig;
import dev.atrium.gateway.domain.Charge;
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
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The request path of DESIGN.md: admit the request (resolve, preset, check and plan), call the
 * candidates in order with fallback, each with the platform's credentials or the workspace's own
 * key, and record the usage once.
 */
@ApplicationScoped
public class ChatCompletionService implements CompleteChatUseCase, StreamChatUseCase {

    /** OpenRouter's own request fields: the gateway acts on them, a strict provider would refuse them. */
    static final List<String> OPENROUTER_ONLY = List.of("models", "provider", "plugins", "preset", "route",
            "transforms", "usage", "session_id");

    private final Admission admission;
    private final Moderation moderation;
    private final GuardrailChecker guardrail;
    private final WorkspaceSettingsReader settings;
    private final UpstreamProvider upstream;
    private final UsagePublisher usage;
    private final GenerationObserver observer;
    private final Clock clock;
    private final Duration firstTokenTimeout;
    private final Duration requestDeadline;

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
        this.settings = settings;
        this.upstream = upstream;
        this.usage = usage;
        this.observer = observer;
        this.clock = clock;
        this.firstTokenTimeout = firstTokenTimeout;
        this.requestDeadline = requestDeadline;
    }

    @Override
    public Uni<ObjectNode> complete(CompleteChatCommand command) {
        Instant started = clock.instant();
        return admission.prepare(command).chain(admission::admit)
                .chain(admitted -> Uni.createFrom().deferred(() -> call(admitted, started))
                        .ifNoItem().after(left(started)).failWith(this::deadlineExceeded)
                        // A generated answer is recorded even when it is not delivered: its usage settles the reservation.
                        .onFailure(e -> !(e instanceof Moderation.AfterGeneration))
                        .call(() -> guardrail.release(admitted.verdict().reservationId())));
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
                        .chain(verdict -> {
                            Uni<ObjectNode> answer = answer(admitted, generationId, success, started,
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

    /**
     * Records the answer's usage at once; the answer itself comes once that record is durable.
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
        CompletionStage<Void> recorded = record(admitted, generationId, c, tokens, charge, started, null, false,
                finishReason != null ? finishReason : body.path("choices").path(0).path("finish_reason").asText(null),
                () -> body.path("choices").path(0).path("message").path("content").asText(null));
        return durable(recorded).replaceWith(body);
    }

    /**
     * Waits, without blocking, until a usage record is durable: an answer is not sent before its usage is on disk
     * or in Kafka, so a crash cannot lose what a client was served (ADR 0024). A record that could not be made
     * durable in time still lets the answer go: the provider was paid already, the publisher counted and logged it.
     */
    private static Uni<Void> durable(CompletionStage<Void> recorded) {
        return Uni.createFrom().completionStage(recorded).onFailure().recoverWithNull();
    }

    /**
     * The one usage record of a generation, with the cost computed here and nowhere else; the workspace's
     * own observability destinations, if it has any, hear of it too ({@code completion} is read only then).
     * Returns when the record is durable.
     */
    private CompletionStage<Void> record(Admitted admitted, String generationId, Candidate c, Usage tokens, Charge charge,
            Instant started, Long timeToFirstTokenMs, boolean stream, String finishReason,
            Supplier<String> completion) {
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
                            .ifNoItem().after(left(started)).failWith(this::deadlineExceeded)
                            .onFailure().call(() -> guardrail.release(admitted.verdict().reservationId()))
                            .onItem().transformToMulti(live -> moderation.moderate(admitted,
                                    relay(admitted, generationId, live, started,
                                            PromptEstimate.tokens(admitted.request().promptCharacters()))));
                    return new ChatStream(generationId, admitted.request().requestedModels().get(0), chunks);
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
            long attemptStarted = clock.millis();
            return upstream.stream(candidate, upstreamBody(admitted, body, candidate), credential.get().orElse(null))
                    .chain(opened -> {
                        if (opened.ok()) {
                            return FirstOutput.of(opened.chunks(), ChatCompletionService::beginsAnswer)
                                    .ifNoItem().after(firstTokenTimeout).failWith(() -> new FirstOutput.Silent(
                                            "no content within " + firstTokenTimeout.toSeconds() + " s"))
                                    .onItemOrFailure().transformToUni((chunks, dropped) -> {
                                        if (dropped == null) {
                                            return Uni.createFrom().item(new LiveStream(candidate, chunks));
                                        }
                                        // Nothing of this attempt was relayed or will be charged: the next one.
                                        int status = dropped instanceof FirstOutput.Silent ? 0 : 502;
                                        String error = "the stream ended before any content: " + dropped.getMessage();
                                        publishAttempt(generationId, candidate, new UpstreamAnswer(status, null, error,
                                                clock.millis() - attemptStarted));
                                        failures.add(Map.of("provider", candidate.provider(), "model",
                                                candidate.model(), "status", status, "message", error));
                                        return startStream(admitted, body, generationId, index + 1, failures);
                                    });
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

    /**
     * Rewrites the upstream's chunks for the client and records the generation exactly once. Output past what
     * the reservation covers is not relayed: the stream ends there with {@code finish_reason: "length"} and its
     * usage, and is charged for what was relayed. A stream still going at the request's deadline ends with a 504.
     * The answer's end (its usage chunk, then {@code [DONE]}) is held until its usage record is durable.
     */
    private Multi<ObjectNode> relay(Admitted admitted, String generationId, LiveStream live, Instant started,
            long estimatedPromptTokens) {
        Candidate c = live.candidate();
        StreamTally tally = new StreamTally(completionLimit(admitted));
        // The answer's text, kept only for the workspace's own observability destinations.
        StringBuilder text = admitted.key().observability().isEmpty() ? null : new StringBuilder();
        AtomicBoolean recorded = new AtomicBoolean();
        Supplier<CompletionStage<Void>> finish = () -> {
            if (!recorded.compareAndSet(false, true)) {
                return CompletableFuture.completedFuture(null);
            }
            Usage tokens = tally.usage(estimatedPromptTokens);
            CompletionStage<Void> durable = record(admitted, generationId, c, tokens, charge(admitted, c, tokens),
                    started, tally.firstTokenAfterMs(), true,
                    tally.finishReason() == null ? "cancelled" : tally.finishReason(),
                    () -> text == null ? null : text.toString());
            attempted(new ProviderAttempt(generationId, c.provider(), c.model(),
                    "error".equals(tally.finishReason()) ? "error" : "success", 200,
                    clock.millis() - started.toEpochMilli(), tally.firstTokenAfterMs(), tokens.completionTokens(),
                    clock.instant()));
            return durable;
        };
        // The provider's usage chunk, held back until the stream's end (a later chunk lets it go first).
        AtomicReference<ObjectNode> heldUsage = new AtomicReference<>();
        Duration left = left(started);
        // Set when the provider's stream ended by itself; otherwise the deadline's time limit ended it.
        AtomicBoolean upstreamEnded = new AtomicBoolean();
        Multi<ObjectNode> rewritten = live.chunks()
                .onCompletion().invoke(() -> upstreamEnded.set(true))
                .select().first(left)
                .select().first(chunk -> fits(tally, chunk, clock.millis() - started.toEpochMilli()))
                .map(chunk -> {
                    chunk.put("id", generationId);
                    chunk.put("model", c.model());
                    chunk.put("provider", c.provider());
                    ChatShapes.chunk(chunk, started.getEpochSecond());
                    for (JsonNode choice : chunk.path("choices")) {
                        if (text != null && choice.path("index").asInt(0) == 0) {
                            text.append(choice.path("delta").path("content").asText(""));
                        }
                        if (choice.hasNonNull("finish_reason")) {
                            tally.finish(choice.path("finish_reason").asText());
                        }
                    }
                    JsonNode reported = chunk.path("usage");
                    if (reported.isObject()) {
                        tally.usage(reported.path("prompt_tokens").asLong(), reported.path("completion_tokens").asLong());
                        Usage tokens = tally.usage(estimatedPromptTokens);
                        ChatShapes.usage(chunk, tokens, charge(admitted, c, tokens), c.price(), c.byok());
                    }
                    return chunk;
                })
                .onItem().transformToIterable(chunk -> {
                    ObjectNode before = heldUsage.getAndSet(null);
                    if (chunk.path("usage").isObject()) {
                        heldUsage.set(chunk);
                        return before == null ? List.of() : List.of(before);
                    }
                    return before == null ? List.of(chunk) : List.of(before, chunk);
                });
        Multi<ObjectNode> closing = Multi.createFrom().deferred(() -> {
            List<ObjectNode> last = new ArrayList<>();
            ObjectNode held = heldUsage.getAndSet(null);
            if (held != null) {
                last.add(held);
            }
            if (tally.cut()) {
                // The provider wrote past what was reserved: the stream ends as max_tokens would have ended it.
                tally.finish("length");
                ObjectNode end = ChatShapes.newChunk(generationId, c.model(), c.provider(), started.getEpochSecond());
                tally.choices().forEach(i -> end.withArray("choices").addObject().put("index", i)
                        .put("finish_reason", "length").putObject("delta"));
                last.add(end);
            }
            if (!tally.hasReportedUsage()) {
                // The provider sent no usage (or was cut off first): the client still gets one, from the tally.
                Usage tokens = tally.usage(estimatedPromptTokens);
                ObjectNode usageChunk = ChatShapes.newChunk(generationId, c.model(), c.provider(),
                        started.getEpochSecond());
                ChatShapes.usage(usageChunk, tokens, charge(admitted, c, tokens), c.price(), c.byok());
                last.add(usageChunk);
            }
            Multi<ObjectNode> items = Multi.createFrom().iterable(last);
            if (tally.finishReason() == null && !tally.cut() && !upstreamEnded.get()) {
                return Multi.createBy().concatenating().streams(items, Multi.createFrom().failure(deadlineExceeded()));
            }
            // Recorded now, and the end goes once the record is durable: a crash after the client has it loses nothing.
            return durable(finish.get()).onItem().transformToMulti(durable -> items);
        });
        return Multi.createBy().concatenating().streams(rewritten, closing)
                .onFailure().invoke(e -> tally.finish("error"))
                .onTermination().invoke(() -> finish.get());
    }

    /** Counts a chunk's output, every choice of it; false when it passes what was reserved (nothing relayed). */
    private static boolean fits(StreamTally tally, JsonNode chunk, long elapsedMs) {
        for (JsonNode choice : chunk.path("choices")) {
            if (!tally.output(choice.path("index").asInt(0), outputCharacters(choice.path("delta")), elapsedMs)) {
                return false;
            }
        }
        return true;
    }

    /** What a delta writes: content, reasoning and tool calls (their names and arguments) all cost tokens. */
    private static int outputCharacters(JsonNode delta) {
        int characters = delta.path("content").asText("").length() + delta.path("reasoning").asText("").length();
        for (JsonNode call : delta.path("tool_calls")) {
            characters += call.path("function").path("name").asText("").length()
                    + call.path("function").path("arguments").asText("").length();
        }
        return characters;
    }

    /** A chunk that begins the answer: output, an end or usage; a role alone does not. */
    private static boolean beginsAnswer(ObjectNode chunk) {
        if (chunk.path("usage").isObject()) {
            return true;
        }
        for (JsonNode choice : chunk.path("choices")) {
            if (choice.hasNonNull("finish_reason") || outputCharacters(choice.path("delta")) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Completion tokens the reservation covers, every choice together; unbounded when guardrail set none. */
    private static long completionLimit(Admitted admitted) {
        Integer perChoice = admitted.verdict().completionTokens();
        Integer asked = admitted.request().maxTokens();
        long bound = perChoice != null ? perChoice : asked != null ? asked : Long.MAX_VALUE / 256;
        return bound * admitted.request().choices();
    }

    private static Charge charge(Admitted admitted, Candidate c, Usage tokens) {
        return Charge.of(tokens, c.price(), admitted.verdict().reserved());
    }

    /** What is left of the request's deadline; at least a millisecond, so an expired one fails at once. */
    private Duration left(Instant started) {
        Duration left = requestDeadline.minus(Duration.between(started, clock.instant()));
        return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
    }

    private ApiException deadlineExceeded() {
        return new ApiException(504, "The request did not finish within its deadline of "
                + requestDeadline.toSeconds() + " s", Map.of("deadline_seconds", requestDeadline.toSeconds()));
    }

    private record LiveStream(Candidate candidate, Multi<ObjectNode> chunks) {
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

    /**
     * The body one candidate gets: its model id, a {@code max_tokens} the reservation covers when the request set
     * none (so the provider cannot write more than was reserved), and the conversation trimmed to its context if
     * asked.
     */
    private static ObjectNode upstreamBody(Admitted admitted, ObjectNode body, Candidate candidate) {
        ObjectNode upstreamBody = body.deepCopy();
        upstreamBody.put("model", candidate.upstreamModel());
        Integer covered = admitted.verdict().completionTokens();
        if (admitted.request().maxTokens() == null && covered != null) {
            upstreamBody.put("max_tokens", candidate.maxCompletionTokens() == null ? covered
                    : Math.min(covered, candidate.maxCompletionTokens()));
        }
        upstreamBody.remove(OPENROUTER_ONLY);
        if (admitted.plugins().contains(Plugins.CONTEXT_COMPRESSION) && candidate.contextLength() > 0) {
            var messages = upstreamBody.withArray("messages");
            List<ContextCompression.Message> sizes = new ArrayList<>();
            messages.forEach(m -> sizes.add(new ContextCompression.Message(m.path("role").asText(),
                    m.path("content").isTextual() ? m.path("content").asText().length() : m.path("content").toString().length())));
            int answer = upstreamBody.path("max_tokens").asInt(upstreamBody.path("max_completion_tokens").asInt(0));
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
