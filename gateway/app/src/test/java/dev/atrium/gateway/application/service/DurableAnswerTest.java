package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.adapter.in.rest.ChatRequestReader;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * No answer reaches its client before its usage record is durable (ADR 0024): a crash of the gateway after the
 * client has the answer must not lose its bill. The fake publisher keeps each record's durability open until the
 * test completes it; the fake provider answers at once, so everything up to that wait has happened on return.
 */
class DurableAnswerTest {

    private final Fakes fakes = new Fakes();
    private final ChatCompletionService service = fakes.service(Clock.systemUTC());

    DurableAnswerTest() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.00000015", "0.0000006", false));
        fakes.holdDurability = true;
    }

    @Test
    void anAnswerIsSentOnlyOnceItsUsageIsDurable() {
        AtomicReference<ObjectNode> answer = new AtomicReference<>();
        service.complete(command(false)).subscribe().with(answer::set, e -> answer.set(null));

        assertThat(fakes.usage).as("recorded as soon as the provider answered").hasSize(1);
        assertThat(answer.get()).as("answered before its usage is durable").isNull();

        fakes.durability.get(0).complete(null);
        assertThat(answer.get()).isNotNull();
        assertThat(answer.get().path("id").asText()).isEqualTo(fakes.usage.get(0).generationId());
        assertThat(fakes.released).as("an answered reservation is settled by its usage, not released").isEmpty();
    }

    @Test
    void aUsageThatCannotBeMadeDurableStillLetsThePaidAnswerGo() {
        AtomicReference<ObjectNode> answer = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        service.complete(command(false)).subscribe().with(answer::set, failure::set);

        fakes.durability.get(0).completeExceptionally(new UncheckedIOException(new java.io.IOException("disk full")));
        assertThat(failure.get()).isNull();
        assertThat(answer.get().path("usage").path("cost").decimalValue()).isEqualTo(fakes.usage.get(0).cost());
    }

    @Test
    void aStreamsUsageChunkAndEndWaitForItsUsageToBeDurable() {
        List<ObjectNode> received = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        service.open(command(true)).await().indefinitely().chunks().subscribe()
                .with(received::add, e -> ended.set(true), () -> ended.set(true));

        assertThat(fakes.usage).as("recorded once the provider's stream ended").hasSize(1);
        assertThat(received).as("the text is relayed at once").isNotEmpty()
                .noneSatisfy(c -> assertThat(c.path("usage").isObject()).isTrue());
        assertThat(ended).as("the stream ended ([DONE]) before its usage is durable").isFalse();

        fakes.durability.get(0).complete(null);
        assertThat(ended).isTrue();
        ObjectNode last = received.get(received.size() - 1);
        assertThat(last.path("usage").path("cost").decimalValue()).isEqualTo(fakes.usage.get(0).cost());
        assertThat(received.stream().filter(c -> c.path("usage").isObject())).hasSize(1);
    }

    @Test
    void aStreamWithoutTheProvidersUsageWaitsTooBeforeItsEstimatedUsage() {
        fakes.streamUsage = false;
        List<ObjectNode> received = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        service.open(command(true)).await().indefinitely().chunks().subscribe()
                .with(received::add, e -> ended.set(true), () -> ended.set(true));

        assertThat(received).noneSatisfy(c -> assertThat(c.path("usage").isObject()).isTrue());
        assertThat(ended).isFalse();
        fakes.durability.get(0).complete(null);
        assertThat(ended).isTrue();
        assertThat(received.get(received.size() - 1).path("usage").path("completion_tokens").asLong()).isEqualTo(2);
    }

    @Test
    void aProviderReportingUsageOnEveryChunkStillStreamsEachOne() {
        fakes.holdDurability = false;
        ObjectNode first = Fakes.contentChunk("Hello");
        first.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 1);
        ObjectNode second = Fakes.contentChunk(" there");
        second.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 2);
        ObjectNode end = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-up");
        end.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        end.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 2);
        fakes.streams.put("openai", io.smallrye.mutiny.Multi.createFrom().items(first, second, end));

        List<ObjectNode> chunks = service.open(command(true)).await().indefinitely().chunks().collect().asList()
                .await().indefinitely();
        assertThat(chunks).extracting(c -> c.path("choices").path(0).path("delta").path("content").asText())
                .containsExactly("Hello", " there", "");
        assertThat(fakes.usage).singleElement().satisfies(u -> assertThat(u.completionTokens()).isEqualTo(2));
    }

    private static CompleteChatCommand command(boolean stream) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", "openai/gpt-4o-mini").put("stream", stream);
        body.putArray("messages").addObject().put("role", "user").put("content", "Hello there");
        return ChatRequestReader.command(Fakes.KEY, body);
    }
}
