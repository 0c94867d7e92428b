package dev.atrium.gateway.adapter.out.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThat(streamed("stream-anthropic.sse", "claude-3-5-haiku-20241022")).containsExactlyElementsOf(lines("stream-openai.jsonl"));
    }

    @Test
    void toolsImagesToolCallsAndResultsBecomeAnthropicBlocks() throws IOException {
        ObjectNode request = AnthropicTranslation.request((ObjectNode) golden("request-tools-openai.json"));
        assertThat(reparsed(request)).isEqualTo(golden("request-tools-anthropic.json"));
    }

    @Test
    void responseFormatBecomesAToolTheModelMustCall() throws IOException {
        ObjectNode request = AnthropicTranslation.request((ObjectNode) golden("request-format-openai.json"));
        assertThat(reparsed(request)).isEqualTo(golden("request-format-anthropic.json"));
    }

    @Test
    void toolUseBlocksBecomeToolCallsWithCachedTokensInTheUsage() throws IOException {
        ObjectNode answer = AnthropicTranslation.response(golden("response-tools-anthropic.json"), "claude-sonnet-4-20250514");
        answer.remove("created");
        assertThat(reparsed(answer)).isEqualTo(golden("response-tools-openai.json"));
    }

    @Test
    void theResponseFormatToolsInputComesBackAsTheContent() throws IOException {
        ObjectNode answer = AnthropicTranslation.response(golden("response-format-anthropic.json"), "claude-3-5-haiku-20241022");
        answer.remove("created");
        assertThat(reparsed(answer)).isEqualTo(golden("response-format-openai.json"));
    }

    @Test
    void streamedToolUseBecomesToolCallChunksNumberedAmongTheCalls() throws IOException {
        assertThat(streamed("stream-tools-anthropic.sse", "claude-sonnet-4-20250514"))
                .containsExactlyElementsOf(lines("stream-tools-openai.jsonl"));
    }

    @Test
    void streamedResponseFormatToolBecomesContent() throws IOException {
        assertThat(streamed("stream-format-anthropic.sse", "claude-3-5-haiku-20241022"))
                .containsExactlyElementsOf(lines("stream-format-openai.jsonl"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "auto"                                                 | {"type":"auto"}
            "none"                                                 | {"type":"none"}
            "required"                                             | {"type":"any"}
            {"type":"function","function":{"name":"get_weather"}}  | {"type":"tool","name":"get_weather"}
            """)
    void toolChoiceMapsToAnthropicsForm(String openAi, String anthropic) throws IOException {
        ObjectNode request = (ObjectNode) golden("request-tools-openai.json");
        request.remove("parallel_tool_calls");
        request.set("tool_choice", JSON.readTree(openAi));
        assertThat(AnthropicTranslation.request(request).get("tool_choice")).isEqualTo(JSON.readTree(anthropic));
    }

    @Test
    void responseFormatBesideToolsLetsTheModelCallEitherKind() throws IOException {
        ObjectNode request = (ObjectNode) golden("request-tools-openai.json");
        request.remove("tool_choice");
        request.remove("parallel_tool_calls");
        request.putObject("response_format").put("type", "json_object");
        ObjectNode out = AnthropicTranslation.request(request);
        assertThat(out.get("tool_choice")).isEqualTo(JSON.readTree("{\"type\":\"any\"}"));
        assertThat(out.get("tools").findValuesAsText("name"))
                .containsExactly("get_weather", "get_time", AnthropicTranslation.RESPONSE_FORMAT_TOOL);
    }

    @Test
    void unparseableToolArgumentsAreRefusedNamingTheField() throws IOException {
        ObjectNode request = (ObjectNode) golden("request-tools-openai.json");
        ((ObjectNode) request.at("/messages/3/tool_calls/0/function")).put("arguments", "{\"city\": Par");
        assertThatThrownBy(() -> AnthropicTranslation.request(request)).isInstanceOf(UntranslatableRequest.class)
                .hasMessageStartingWith("messages[3].tool_calls[0].function.arguments:");
    }

    @Test
    void anImageThatIsNeitherADataNorAWebUrlIsRefused() throws IOException {
        ObjectNode request = (ObjectNode) golden("request-tools-openai.json");
        ((ObjectNode) request.at("/messages/2/content/3/image_url")).put("url", "file:///etc/passwd");
        assertThatThrownBy(() -> AnthropicTranslation.request(request))
                .hasMessageStartingWith("messages[2].content[3].image_url.url:");
    }

    @Test
    void aPartTheAdapterCannotCarryIsRefusedRatherThanDropped() throws IOException {
        ObjectNode request = (ObjectNode) golden("request-tools-openai.json");
        ((ObjectNode) request.at("/messages/2/content/1")).removeAll().put("type", "input_audio");
        assertThatThrownBy(() -> AnthropicTranslation.request(request))
                .hasMessageStartingWith("messages[2].content[1].type:");
    }

    @Test
    void aClientToolMayNotTakeTheResponseFormatToolsName() throws IOException {
        ObjectNode request = (ObjectNode) golden("request-tools-openai.json");
        ((ObjectNode) request.at("/tools/1/function")).put("name", AnthropicTranslation.RESPONSE_FORMAT_TOOL);
        assertThatThrownBy(() -> AnthropicTranslation.request(request)).hasMessageStartingWith("tools[1].function.name:");
    }

    /** The stream cut into pieces at awkward places, as the network does, then translated. */
    private static List<JsonNode> streamed(String sseFile, String model) throws IOException {
        String sse = text(sseFile);
        List<Buffer> pieces = new ArrayList<>();
        for (int i = 0; i < sse.length(); i += 37) {
            pieces.add(Buffer.buffer(sse.substring(i, Math.min(sse.length(), i + 37))));
        }
        List<ObjectNode> chunks = AnthropicStreamTranslation.chunks(SseLines.events(Multi.createFrom().iterable(pieces)),
                JSON, model).collect().asList().await().indefinitely();
        chunks.forEach(c -> c.remove("created"));
        return chunks.stream().map(AnthropicTranslationTest::reparsed).toList();
    }

    private static List<JsonNode> lines(String name) throws IOException {
        List<JsonNode> expected = new ArrayList<>();
        for (String line : text(name).split("\n")) {
            expected.add(JSON.readTree(line));
        }
        return expected;
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
