package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.adapter.in.rest.ChatRequestReader;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.application.port.in.StreamChatUseCase.ChatStream;
import dev.atrium.gateway.domain.ChatRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingServiceTest {

    private final Fakes fakes = new Fakes();
    private final ChatCompletionService service = fakes.service(
            Clock.systemUTC());

    @Test
    void rewritesChunksAndPricesTheUsageChunk() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.00000015", "0.0000006", false));
        ChatStream stream = open();
        List<ObjectNode> chunks = stream.chunks().collect().asList().await().indefinitely();

        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.path("id").asText()).isEqualTo(stream.generationId());
            assertThat(c.path("model").asText()).isEqualTo("openai/gpt-4o-mini");
        });
        ObjectNode last = chunks.get(chunks.size() - 1);
        BigDecimal expected = new BigDecimal("0.00000015").multiply(BigDecimal.valueOf(12))
                .add(new BigDecimal("0.0000006").multiply(BigDecimal.valueOf(34)));
        assertThat(last.path("usage").path("cost").decimalValue()).isEqualByComparingTo(expected);
        assertThat(fakes.usage).singleElement().satisfies(u -> {
            assertThat(u.stream()).isTrue();
            assertThat(u.cost()).isEqualByComparingTo(expected);
            assertThat(u.finishReason()).isEqualTo("stop");
        });
        assertThat(fakes.called).containsExactly("openai:gpt-4o-mini:stream");
    }

    @Test
    void fallsBackBeforeTheFirstChunk() {
        fakes.candidates = List.of(Fakes.candidate("down", "0.1", "0.1", false),
                Fakes.candidate("openai", "0.00000015", "0.0000006", false));
        fakes.failingProviders.put("down", 429);
        List<ObjectNode> chunks = open().chunks().collect().asList().await().indefinitely();
        assertThat(chunks.get(0).path("provider").asText()).isEqualTo("openai");
        assertThat(fakes.attempts).extracting(a -> a.provider() + ":" + a.outcome())
                .containsExactly("down:error", "openai:success");
    }

    @Test
    void withoutUpstreamUsageTheClientStillGetsAnEstimatedUsageChunk() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        fakes.streamUsage = false;
        List<ObjectNode> chunks = open().chunks().collect().asList().await().indefinitely();
        ObjectNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("usage").path("completion_tokens").asLong()).isEqualTo(2);
        assertThat(fakes.usage).singleElement().satisfies(u -> assertThat(u.completionTokens()).isEqualTo(2));
    }

    @Test
    void aStreamCutMidwayIsStillRecordedOnce() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        fakes.failMidStream = true;
        ChatStream stream = open();
        assertThatThrownBy(() -> stream.chunks().collect().asList().await().indefinitely())
                .hasMessageContaining("connection reset");
        assertThat(fakes.usage).singleElement().satisfies(u -> {
            assertThat(u.finishReason()).isEqualTo("error");
            assertThat(u.completionTokens()).isEqualTo(1);
        });
    }

    @Test
    void aClientThatLeavesIsRecordedAsCancelled() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        open().chunks().select().first(1).collect().asList().await().indefinitely();
        assertThat(fakes.usage).singleElement().satisfies(u -> assertThat(u.finishReason()).isEqualTo("cancelled"));
    }

    @Test
    void everyProviderFailingFailsTheStreamWith502() {
        fakes.candidates = List.of(Fakes.candidate("a", "0.1", "0.1", false));
        fakes.failingProviders.put("a", 503);
        ChatStream stream = open();
        assertThatThrownBy(() -> stream.chunks().collect().asList().await().indefinitely())
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).status()).isEqualTo(502);
        assertThat(fakes.usage).isEmpty();
    }

    private ChatStream open() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", "openai/gpt-4o-mini").put("stream", true);
        body.putArray("messages").addObject().put("role", "user").put("content", "Hello there");
        ChatRequest request = new ChatRequest("openai/gpt-4o-mini", List.of(), true, null, 11);
        return service.open(new CompleteChatCommand(Fakes.KEY, request, body, ChatRequestReader::read)).await().indefinitely();
    }
}
