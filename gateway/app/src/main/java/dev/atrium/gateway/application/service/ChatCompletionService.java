package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase;
import dev.atrium.gateway.application.port.in.StreamChatUseCase;
import dev.atrium.gateway.application.port.out.UpstreamProvider.UpstreamStream;
import dev.atrium.gateway.domain.StreamTally;
import io.smallrye.mutiny.Multi;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.gateway.application.port.out.UpstreamProvider;
import dev.atrium.gateway.application.port.out.UpstreamProvider.UpstreamAnswer;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.gateway.domain.ChatRequest;
import dev.atrium.gateway.domain.ContextCompression;
import dev.atrium.gateway.domain.JsonHealing;
import dev.atrium.gateway.domain.Plugins;
import dev.atrium.gateway.domain.Fallback;
import dev.atrium.gateway.domain.GenerationId;
import dev.atrium.gateway.domain.PromptEstimate;
import dev.atrium.gateway.domain.Usage;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Constraints;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.CandidateFilter;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.ProviderPreferences;
import dev.atrium.routing.api.RouteConstraints;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.workspace.api.KeyContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request path of DESIGN.md: resolve the key, check and plan in parallel, keep the candidates
 * the guardrail allows, call them in order with fallback, record the usage once.
 */
@ApplicationScoped
public class ChatCompletionService implements CompleteChatUseCase, StreamChatUseCase {

    private final KeyResolver keys;
    private final GuardrailChecker guardrail;
    private final RoutePlanner routing;
    private final UpstreamProvider upstream;
    private final UsagePublisher usage;
    private final Clock clock;

    public ChatCompletionService(KeyResolver keys, GuardrailChecker guardrail, RoutePlanner routing,
            UpstreamProvider upstream, UsagePublisher usage, Clock clock) {
        this.keys = keys;
        this.guardrail = guardrail;
        this.routing = routing;
        this.upstream = upstream;
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public Uni<ObjectNode> complete(CompleteChatCommand command) {
        Instant started = clock.instant();
        return keys.resolve(command.apiKey())
                .map(found -> found.orElseThrow(() -> ApiException.unauthorized("Invalid API key")))
                .chain(key -> admit(key, command.request().withDefaultModel(key.defaultTextModel()), command.body())
                        .chain(admitted -> call(admitted, command.body(), started)
                                .onFailure().call(() -> guardrail.release(admitted.verdict().reservationId()))));
    }

    private Uni<Admitted> admit(KeyContext key, ChatRequest request, ObjectNode body) {
        List<String> models = request.requestedModels();
        if (models.isEmpty()) {
            throw ApiException.badRequest("model", "model is required");
        }
        Set<String> plugins = activePlugins(key, request);
        MessageText text = MessageText.of(body);
        CheckRequest check = new CheckRequest(key.organizationId(), key.workspaceId(), key.keyId(),
                key.ownerUserId(), models, PromptEstimate.tokens(request.promptCharacters()), request.maxTokens(),
                text.text());
        PlanRequest plan = new PlanRequest(key.workspaceId(), request.model(), request.fallbackModels(),
                ProviderPreferencesReader.read(body, key.defaultProviderSort()));
        return Uni.combine().all().unis(guardrail.check(check), routing.plan(plan)).asTuple()
                .map(both -> {
                    CheckResult verdict = both.getItem1();
                    if (!verdict.allowed()) {
                        Map<String, Object> metadata = new java.util.HashMap<>();
                        metadata.put("policy_revision", String.valueOf(verdict.policyRevision()));
                        if (verdict.retryAfterSeconds() != null) {
                            metadata.put("retry_after_seconds", verdict.retryAfterSeconds());
                        }
                        throw new ApiException(verdict.status(), verdict.message(), metadata);
                    }
                    // The guardrail's redact filters: the provider sees the replacement, never the match.
                    text.redact(body, verdict.redactions());
                    List<Candidate> allowed = CandidateFilter.apply(both.getItem2().candidates(),
                            toRouteConstraints(verdict.constraints()));
                    if (allowed.isEmpty()) {
                        throw new ApiException(503, "No provider meets the routing requirements and the guardrails",
                                Map.of("models", models));
                    }
                    return new Admitted(key, request, verdict, allowed, plugins);
                });
    }

    private Uni<ObjectNode> call(Admitted admitted, ObjectNode body, Instant started) {
        String generationId = GenerationId.next();
        return attempt(admitted, body, generationId, 0, new ArrayList<>())
                .map(success -> answer(admitted, generationId, success, started));
    }

    private Uni<Success> attempt(Admitted admitted, ObjectNode body, String generationId, int index,
            List<Map<String, Object>> failures) {
        if (index >= admitted.candidates().size()) {
            return Uni.createFrom().failure(new ApiException(502, "Every provider failed",
                    Map.of("attempts", failures)));
        }
        Candidate candidate = admitted.candidates().get(index);
        return upstream.complete(candidate, upstreamBody(admitted, body, candidate)).chain(answer -> {
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
    }

    private ObjectNode answer(Admitted admitted, String generationId, Success success, Instant started) {
        ObjectNode body = success.answer().body();
        Candidate c = success.candidate();
        Usage tokens = new Usage(body.path("usage").path("prompt_tokens").asLong(),
                body.path("usage").path("completion_tokens").asLong());
        body.put("id", generationId);
        body.put("model", c.model());
        body.put("provider", c.provider());
        ObjectNode usageNode = body.putObject("usage");
        putUsage(usageNode, tokens, tokens.cost(c.price()));
        record(admitted, generationId, c, tokens, started, null, false,
                body.path("choices").path(0).path("finish_reason").asText(null));
        return body;
    }

    private static void putUsage(ObjectNode usageNode, Usage tokens, java.math.BigDecimal cost) {
        usageNode.put("prompt_tokens", tokens.promptTokens());
        usageNode.put("completion_tokens", tokens.completionTokens());
        usageNode.put("total_tokens", tokens.promptTokens() + tokens.completionTokens());
        usageNode.put("cost", cost);
        usageNode.put("is_byok", false);
        usageNode.putObject("cost_details").put("upstream_inference_cost", cost);
    }

    /** The one usage record of a generation, with the cost computed here and nowhere else. */
    private void record(Admitted admitted, String generationId, Candidate c, Usage tokens, Instant started,
            Long timeToFirstTokenMs, boolean stream, String finishReason) {
        long latency = clock.millis() - started.toEpochMilli();
        KeyContext key = admitted.key();
        usage.usageRecorded(new UsageRecorded(generationId, key.organizationId(), key.workspaceId(), key.keyId(),
                key.ownerUserId(), c.model(), c.provider(), c.upstreamModel(), tokens.promptTokens(),
                tokens.completionTokens(), c.price().prompt(), c.price().completion(), tokens.cost(c.price()), false,
                admitted.verdict().reservationId(), admitted.verdict().policyRevision(), latency, stream,
                finishReason, clock.instant()));
    }

    // ---- streaming

    @Override
    public Uni<ChatStream> open(CompleteChatCommand command) {
        Instant started = clock.instant();
        return keys.resolve(command.apiKey())
                .map(found -> found.orElseThrow(() -> ApiException.unauthorized("Invalid API key")))
                .chain(key -> admit(key, command.request().withDefaultModel(key.defaultTextModel()), command.body()))
                .map(admitted -> {
                    String generationId = GenerationId.next();
                    ObjectNode body = command.body().deepCopy();
                    body.put("stream", true);
                    body.putObject("stream_options").put("include_usage", true);
                    Multi<ObjectNode> chunks = startStream(admitted, body, generationId, 0, new ArrayList<>())
                            .onFailure().call(() -> guardrail.release(admitted.verdict().reservationId()))
                            .onItem().transformToMulti(live -> relay(admitted, generationId, live, started,
                                    PromptEstimate.tokens(command.request().promptCharacters())));
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
        return upstream.stream(candidate, upstreamBody(admitted, body, candidate)).chain(opened -> {
            if (opened.ok()) {
                return Uni.createFrom().item(new LiveStream(candidate, opened));
            }
            publishAttempt(generationId, candidate, new UpstreamAnswer(opened.status(), null, opened.error(),
                    opened.latencyMs()));
            failures.add(Map.of("provider", candidate.provider(), "model", candidate.model(),
                    "status", opened.status(), "message", String.valueOf(opened.error())));
            if (Fallback.isRetryable(opened.status())) {
                return startStream(admitted, body, generationId, index + 1, failures);
            }
            return Uni.createFrom().failure(rejected(candidate, new UpstreamAnswer(opened.status(), null,
                    opened.error(), opened.latencyMs())));
        });
    }

    /** Rewrites the upstream's chunks for the client and records the generation exactly once. */
    private Multi<ObjectNode> relay(Admitted admitted, String generationId, LiveStream live, Instant started,
            long estimatedPromptTokens) {
        Candidate c = live.candidate();
        StreamTally tally = new StreamTally();
        AtomicBoolean recorded = new AtomicBoolean();
        Runnable finish = () -> {
            if (recorded.compareAndSet(false, true)) {
                Usage tokens = tally.usage(estimatedPromptTokens);
                record(admitted, generationId, c, tokens, started, tally.firstTokenAfterMs(), true,
                        tally.finishReason() == null ? "cancelled" : tally.finishReason());
                usage.providerAttempted(new ProviderAttempt(generationId, c.provider(), c.model(),
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
            if (!choice.path("delta").path("content").asText("").isEmpty()) {
                tally.content(clock.millis() - started.toEpochMilli());
            }
            if (choice.hasNonNull("finish_reason")) {
                tally.finish(choice.path("finish_reason").asText());
            }
            JsonNode reported = chunk.path("usage");
            if (reported.isObject()) {
                tally.usage(reported.path("prompt_tokens").asLong(), reported.path("completion_tokens").asLong());
                Usage tokens = tally.usage(estimatedPromptTokens);
                putUsage(chunk.putObject("usage"), tokens, tokens.cost(c.price()));
            }
            return chunk;
        });
        Multi<ObjectNode> closing = Multi.createFrom().deferred(() -> {
            if (tally.hasReportedUsage()) {
                return Multi.createFrom().empty();
            }
            // The provider sent no usage: the client still gets one, from the estimate.
            Usage tokens = tally.usage(estimatedPromptTokens);
            ObjectNode last = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            last.put("id", generationId).put("object", "chat.completion.chunk").put("model", c.model())
                    .put("provider", c.provider()).putArray("choices");
            putUsage(last.putObject("usage"), tokens, tokens.cost(c.price()));
            return Multi.createFrom().item(last);
        });
        return Multi.createBy().concatenating().streams(rewritten, closing)
                .onFailure().invoke(e -> tally.finish("error"))
                .onTermination().invoke(finish);
    }

    private record LiveStream(Candidate candidate, UpstreamStream stream) {
    }

    private void publishAttempt(String generationId, Candidate candidate, UpstreamAnswer answer) {
        String outcome = answer.ok() ? "success" : answer.status() == 0 ? "timeout" : "error";
        long completionTokens = answer.ok() ? answer.body().path("usage").path("completion_tokens").asLong() : 0;
        usage.providerAttempted(new ProviderAttempt(generationId, candidate.provider(), candidate.model(), outcome,
                answer.status(), answer.latencyMs(), null, completionTokens, clock.instant()));
    }

    private static ApiException rejected(Candidate candidate, UpstreamAnswer answer) {
        int status = answer.status() == 400 || answer.status() == 422 ? 400 : 502;
        return new ApiException(status, "Provider " + candidate.provider() + " rejected the request: "
                + answer.error(), Map.of("provider_name", candidate.provider(), "upstream_status", answer.status()));
    }

    static RouteConstraints toRouteConstraints(Constraints k) {
        if (k == null) {
            return RouteConstraints.none();
        }
        return new RouteConstraints(orEmpty(k.allowedModels()), orEmpty(k.ignoredModels()),
                orEmpty(k.allowedProviders()), orEmpty(k.ignoredProviders()), k.zdrRequired(),
                k.denyDataCollection(), null, null);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private record Admitted(KeyContext key, ChatRequest request, CheckResult verdict, List<Candidate> candidates,
            Set<String> plugins) {
    }

    private static Set<String> activePlugins(KeyContext key, ChatRequest request) {
        Set<String> active;
        try {
            active = Plugins.active(key.plugins().stream()
                    .map(p -> new Plugins.Setting(p.id(), p.enabled(), p.locked())).toList(), request.plugins());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("plugins", e.getMessage());
        }
        for (String unavailable : List.of(Plugins.WEB, Plugins.MODERATION)) {
            if (active.contains(unavailable)) {
                throw new ApiException(400, "Plugin " + unavailable + " is unavailable: "
                        + (unavailable.equals(Plugins.WEB) ? "no search provider is configured"
                                : "output moderation is not available in this version"),
                        Map.of("field", "plugins", "plugin", unavailable));
            }
        }
        return active;
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

    /** Reads the request's {@code provider} object; the workspace's default sort applies when it sets none. */
    static final class ProviderPreferencesReader {

        private ProviderPreferencesReader() {
        }

        static ProviderPreferences read(ObjectNode body, String defaultSort) {
            var p = body.path("provider");
            if (!p.isObject()) {
                return new ProviderPreferences(null, null, null, null, defaultSort, null, null);
            }
            return new ProviderPreferences(strings(p.path("order")), strings(p.path("only")),
                    strings(p.path("ignore")),
                    p.has("allow_fallbacks") ? p.path("allow_fallbacks").asBoolean(true) : null,
                    p.path("sort").isTextual() ? p.path("sort").asText() : defaultSort,
                    p.path("data_collection").isTextual() ? p.path("data_collection").asText() : null,
                    p.has("zdr") ? p.path("zdr").asBoolean() : null);
        }

        private static List<String> strings(com.fasterxml.jackson.databind.JsonNode node) {
            if (!node.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            node.forEach(n -> out.add(n.asText()));
            return out;
        }
    }
}
