package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.out.GenerationObserver;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.port.out.KeyResolver;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.gateway.application.port.out.UpstreamProvider;
import dev.atrium.gateway.application.port.out.UsagePublisher;
import dev.atrium.gateway.application.port.out.WorkspaceSettingsReader;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.Constraints;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;
import dev.atrium.routing.api.Candidate;
import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.Price;
import dev.atrium.routing.api.RoutePlan;
import dev.atrium.workspace.api.KeyContext;
import dev.atrium.workspace.api.PresetDefinition;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory fakes of the gateway's out-ports. */
final class Fakes implements KeyResolver, GuardrailChecker, RoutePlanner, UpstreamProvider, UsagePublisher,
        WorkspaceSettingsReader {

    static final String KEY = "sk-at-v1-good";
    static final KeyContext CONTEXT = new KeyContext("key_1", "ci", "user-1", null, null, false, "ws_1", "default",
            "org_1", null, null, 1);

    CheckResult verdict = new CheckResult(true, 200, null,
            new Constraints(List.of(), List.of(), List.of(), List.of(), false, false, null), null, "org:1,ws:0");
    List<Candidate> candidates = new ArrayList<>();
    final Map<String, Integer> failingProviders = new HashMap<>();
    final List<String> called = new ArrayList<>();
    final List<UsageRecorded> usage = new ArrayList<>();
    /** Per usage record, what completes when it is durable; left open while {@link #holdDurability}. */
    final List<java.util.concurrent.CompletableFuture<Void>> durability = new ArrayList<>();
    boolean holdDurability;
    final List<ProviderAttempt> attempts = new ArrayList<>();
    /** The usage records written nowhere ({@link UsagePublisher#warmUp}). */
    final List<UsageRecorded> warmedUp = new ArrayList<>();
    /** Every candidate the provider was asked as, answers and streams. */
    final List<Candidate> asked = new ArrayList<>();
    final List<CheckRequest> checks = new ArrayList<>();
    /** Answered in order before {@link #verdict}. */
    final java.util.Deque<CheckResult> verdicts = new java.util.ArrayDeque<>();
    final List<String> released = new ArrayList<>();
    boolean streamUsage = true;
    /** Every non-streaming call stays unanswered. */
    boolean hangComplete;
    /** Per provider, the chunks its stream answers with instead of the default ones. */
    final Map<String, Multi<ObjectNode>> streams = new HashMap<>();
    String content = "hello";
    /** Streamed after the text, before the finish chunk (e.g. tool call fragments). */
    List<ObjectNode> moreChunks = List.of();
    ObjectNode lastBody;
    KeyContext context = CONTEXT;
    boolean failMidStream;
    PlanRequest lastPlan;
    int plansAsked;
    RoutePlan.Reuse reuse;
    long nanos;
    java.time.Duration firstTokenTimeout = java.time.Duration.ofSeconds(30);
    java.time.Duration requestDeadline = java.time.Duration.ofSeconds(300);
    /** The admission of the last {@link #service}. */
    Admission admission;
    List<RoutePlan.Exclusion> excluded = List.of();
    final Map<String, PresetDefinition> presets = new HashMap<>();
    final Map<String, String> byokKeys = new HashMap<>();
    final List<String> credentials = new ArrayList<>();
    final List<String> forgotten = new ArrayList<>();
    final List<GenerationObserver.FinishedGeneration> observed = new ArrayList<>();

    ChatCompletionService service(java.time.Clock clock) {
        admission = new Admission(this, this, this, this, () -> nanos);
        return new ChatCompletionService(admission, this, this, this, this,
                observed::add, clock, firstTokenTimeout, requestDeadline);
    }

    static Candidate candidate(String provider, String prompt, String completion, boolean zdr) {
        return new Candidate("openai/gpt-4o-mini", provider, "gpt-4o-mini", "http://upstream/" + provider, "openai",
                new Price(new BigDecimal(prompt), new BigDecimal(completion)), new DataPolicy(zdr, false, false), null,
                128000, 16384);
    }

    @Override
    public Uni<Optional<KeyContext>> resolve(String apiKey) {
        return Uni.createFrom().item(KEY.equals(apiKey) ? Optional.of(context) : Optional.empty());
    }

    @Override
    public void forgetKey(String keyId) {
        forgotten.add("key:" + keyId);
    }

    @Override
    public void forgetWorkspace(String workspaceId) {
        forgotten.add("workspace:" + workspaceId);
    }

    @Override
    public Uni<Optional<PresetDefinition>> preset(String workspaceId, String reference) {
        return Uni.createFrom().item(Optional.ofNullable(presets.get(workspaceId + "/" + reference)));
    }

    @Override
    public Uni<Optional<String>> byokKey(String workspaceId, String provider, long settingsRevision) {
        return Uni.createFrom().item(Optional.ofNullable(byokKeys.get(workspaceId + "/" + provider)));
    }

    @Override
    public Uni<CheckResult> check(CheckRequest request) {
        checks.add(request);
        if (checkDown) {
            return Uni.createFrom().failure(new IllegalStateException("guardrail-service: connection refused"));
        }
        return Uni.createFrom().item(verdicts.isEmpty() ? verdict : verdicts.poll());
    }

    /** Every check fails as a refused connection does. */
    boolean checkDown;

    /** The check asked last, or null. */
    CheckRequest lastCheck() {
        return checks.isEmpty() ? null : checks.get(checks.size() - 1);
    }

    /** The moderation verdict per answer text; allowed when absent. */
    final Map<String, ModerationResult> moderation = new HashMap<>();
    final List<String> moderated = new ArrayList<>();
    boolean moderationDown;

    @Override
    public Uni<ModerationResult> moderate(ModerationRequest request) {
        moderated.add(request.text());
        if (moderationDown) {
            return Uni.createFrom().failure(new dev.atrium.common.error.ApiException(503,
                    "guardrail-service could not answer; try again shortly"));
        }
        return Uni.createFrom().item(moderation.getOrDefault(request.text(),
                new ModerationResult(true, 200, null, List.of(), List.of())));
    }

    @Override
    public Uni<Void> release(String reservationId) {
        released.add(reservationId);
        return Uni.createFrom().voidItem();
    }

    /** Answers of guardrail's release of earlier lives, in turn (negative: guardrail unavailable); 0 once none are left. */
    final java.util.Deque<Integer> previousLivesAnswers = new java.util.ArrayDeque<>();
    int previousLivesCalls;
    /** What the spool answers, in turn; true once none are left. */
    final java.util.Deque<Boolean> previousLifeSentAnswers = new java.util.ArrayDeque<>();

    @Override
    public Uni<Integer> releasePreviousLives() {
        previousLivesCalls++;
        int answer = previousLivesAnswers.isEmpty() ? 0 : previousLivesAnswers.poll();
        return answer < 0 ? Uni.createFrom().failure(new dev.atrium.common.error.ApiException(503,
                "guardrail-service could not answer; try again shortly")) : Uni.createFrom().item(answer);
    }

    @Override
    public boolean previousLifeSent() {
        return previousLifeSentAnswers.isEmpty() || previousLifeSentAnswers.poll();
    }

    @Override
    public Uni<RoutePlan> plan(PlanRequest request) {
        lastPlan = request;
        plansAsked++;
        return Uni.createFrom().item(new RoutePlan(candidates, excluded, reuse));
    }

    @Override
    public Uni<UpstreamAnswer> complete(Candidate candidate, ObjectNode body, String byokKey) {
        called.add(candidate.provider() + ":" + body.path("model").asText());
        asked.add(candidate);
        credentials.add(byokKey == null ? "platform" : byokKey);
        lastBody = body;
        if (hangComplete) {
            return Uni.createFrom().nothing();
        }
        Integer failure = failingProviders.get(candidate.provider());
        if (failure != null) {
            return Uni.createFrom().item(new UpstreamAnswer(failure, null, "HTTP " + failure, 3));
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("id", "chatcmpl-upstream");
        answer.putArray("choices").addObject().put("finish_reason", "stop").putObject("message")
                .put("role", "assistant").put("content", content);
        answer.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 34);
        return Uni.createFrom().item(new UpstreamAnswer(200, answer, null, 5));
    }

    @Override
    public Uni<UpstreamStream> stream(Candidate candidate, ObjectNode body, String byokKey) {
        called.add(candidate.provider() + ":" + body.path("model").asText() + ":stream");
        asked.add(candidate);
        credentials.add(byokKey == null ? "platform" : byokKey);
        Integer failure = failingProviders.get(candidate.provider());
        if (failure != null) {
            return Uni.createFrom().item(new UpstreamStream(failure, "HTTP " + failure, null, 3));
        }
        lastBody = body;
        if (streams.containsKey(candidate.provider())) {
            return Uni.createFrom().item(new UpstreamStream(200, null, streams.get(candidate.provider()), 2));
        }
        List<ObjectNode> chunks = new ArrayList<>();
        for (String word : List.of("Hello", " there")) {
            ObjectNode chunk = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-up");
            chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", word);
            chunks.add(chunk);
        }
        chunks.addAll(moreChunks);
        ObjectNode finish = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-up");
        finish.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        chunks.add(finish);
        Multi<ObjectNode> all = Multi.createFrom().iterable(chunks);
        if (streamUsage) {
            ObjectNode usage = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-up");
            usage.putArray("choices");
            usage.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 34);
            all = Multi.createBy().concatenating().streams(all, Multi.createFrom().item(usage));
        }
        if (failMidStream) {
            all = Multi.createBy().concatenating().streams(Multi.createFrom().item(chunks.get(0)),
                    Multi.createFrom().failure(new IllegalStateException("connection reset")));
        }
        return Uni.createFrom().item(new UpstreamStream(200, null, all, 2));
    }

    /** A stream's chunk writing {@code content} for choice 0. */
    static ObjectNode contentChunk(String content) {
        ObjectNode chunk = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-up");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", content);
        return chunk;
    }

    /** A stream's first chunk, naming the role and nothing else. */
    static ObjectNode roleChunk() {
        ObjectNode chunk = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-up");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("role", "assistant");
        return chunk;
    }

    @Override
    public java.util.concurrent.CompletionStage<Void> usageRecorded(UsageRecorded record) {
        usage.add(record);
        java.util.concurrent.CompletableFuture<Void> stage = new java.util.concurrent.CompletableFuture<>();
        durability.add(stage);
        if (!holdDurability) {
            stage.complete(null);
        }
        return stage;
    }

    @Override
    public void warmUp(UsageRecorded sample) {
        warmedUp.add(sample);
    }

    @Override
    public void providerAttempted(ProviderAttempt attempt) {
        attempts.add(attempt);
    }
}
