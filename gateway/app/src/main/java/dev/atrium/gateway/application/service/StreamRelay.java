package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.application.service.Admission.Admitted;
import dev.atrium.gateway.domain.Charge;
import dev.atrium.gateway.domain.StreamTally;
import dev.atrium.gateway.domain.Usage;
import dev.atrium.routing.api.Candidate;
import io.smallrye.mutiny.Multi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A provider's stream as the client gets it: the upstream's chunks rewritten, the generation recorded exactly
 * once when it ends. Output past what the reservation covers is not relayed: the stream ends there with
 * {@code finish_reason: "length"} and its usage, and is charged for what was relayed. A stream still going at
 * the request's deadline ends with a 504. The answer's end (its usage chunk, then {@code [DONE]}) is held until
 * its usage record is durable (ADR 0024); a stream that fails or is cancelled is recorded when it ends, without
 * waiting.
 */
final class StreamRelay {

    private final UsageRecorder usage;
    private final ProviderAttempts attempts;
    private final RequestDeadline deadline;
    private final Clock clock;

    StreamRelay(UsageRecorder usage, ProviderAttempts attempts, RequestDeadline deadline, Clock clock) {
        this.usage = usage;
        this.attempts = attempts;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** The stream of one candidate that began its answer, after failover chose it. */
    record LiveStream(Candidate candidate, Multi<ObjectNode> chunks) {
    }

    Multi<ObjectNode> relay(Admitted admitted, String generationId, LiveStream live, Instant started,
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
            CompletionStage<Void> durable = usage.record(admitted, generationId, c, tokens,
                    charge(admitted, c, tokens), started, true,
                    tally.finishReason() == null ? "cancelled" : tally.finishReason(),
                    () -> text == null ? null : text.toString());
            attempts.published(new ProviderAttempt(generationId, c.provider(), c.model(),
                    "error".equals(tally.finishReason()) ? "error" : "success", 200,
                    clock.millis() - started.toEpochMilli(), tally.firstTokenAfterMs(), tokens.completionTokens(),
                    clock.instant()));
            return durable;
        };
        // The provider's usage chunk, held back until the stream's end (a later chunk lets it go first).
        AtomicReference<ObjectNode> heldUsage = new AtomicReference<>();
        Duration left = deadline.left(started);
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
                return Multi.createBy().concatenating().streams(items, Multi.createFrom().failure(deadline.exceeded()));
            }
            // Recorded now, and the end goes once the record is durable: a crash after the client has it loses nothing.
            return UsageRecorder.durable(finish.get()).onItem().transformToMulti(durable -> items);
        });
        return Multi.createBy().concatenating().streams(rewritten, closing)
                .onFailure().invoke(e -> tally.finish("error"))
                .onTermination().invoke(() -> finish.get());
    }

    /** A chunk that begins the answer: output, an end or usage; a role alone does not. */
    static boolean beginsAnswer(ObjectNode chunk) {
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
}
