package dev.atrium.gateway.adapter.out.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The translation both ways against golden files of the two protocols. */
class AnthropicTranslationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void openAiRequestBecomesAnthropicMessages() throws IOException {
        ObjectNode request = AnthropicTranslation.request((ObjectNode) golden("request-openai.json"));
        assertThat(request).isEqualTo(golden("request-anthropic.json"));
    }

    @Test
    void requestWithoutMaxTokensGetsTheDefaultAnthropicRequires() throws IOException {
        ObjectNode openAi = (ObjectNode) golden("request-openai.json");
        openAi.remove("max_tokens");
        assertThat(AnthropicTranslation.request(openAi).path("max_tokens").asInt())
                .isEqualTo(AnthropicTranslation.DEFAULT_MAX_TOKENS);
    }

    @Test
    void anthropicAnswerBecomesAnOpenAiCompletion() throws IOException {
        ObjectNode answer = AnthropicTranslation.response(golden("response-anthropic.json"), "claude-3-5-haiku-20241022");
        answer.remove("created");
        assertThat(reparsed(answer)).isEqualTo(golden("response-openai.json"));
    }

    @Test
    void anthropicStreamBecomesOpenAiChunksWithUsageLast() throws IOException {
        String sse = text("stream-anthropic.sse");
        // Cut the bytes at awkward places, as the network does.
        List<Buffer> pieces = new ArrayList<>();
        for (int i = 0; i < sse.length(); i += 37) {
            pieces.add(Buffer.buffer(sse.substring(i, Math.min(sse.length(), i + 37))));
        }
        List<ObjectNode> chunks = AnthropicStreamTranslation.chunks(SseLines.events(Multi.createFrom().iterable(pieces)),
                JSON, "claude-3-5-haiku-20241022").collect().asList().await().indefinitely();
        chunks.forEach(c -> c.remove("created"));
        List<JsonNode> expected = new ArrayList<>();
        for (String line : text("stream-openai.jsonl").split("\n")) {
            expected.add(JSON.readTree(line));
        }
        assertThat(chunks.stream().map(AnthropicTranslationTest::reparsed).toList()).containsExactlyElementsOf(expected);
    }

    /** JSON equality without the Java number types (an int and a long of the same value are one number). */
    private static JsonNode reparsed(JsonNode node) {
        try {
            return JSON.readTree(node.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode golden(String name) throws IOException {
        return JSON.readTree(text(name));
    }

    private static String text(String name) throws IOException {
        try (InputStream in = AnthropicTranslationTest.class.getResourceAsStream("/anthropic/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
