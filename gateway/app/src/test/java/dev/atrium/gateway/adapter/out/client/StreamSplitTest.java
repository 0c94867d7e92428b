package dev.atrium.gateway.adapter.out.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The network cuts a stream wherever it likes, also inside a multi-byte character: whatever the cut,
 * the client reads the text the provider wrote, in both provider protocols.
 */
class StreamSplitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Accents, CJK, Hangul, emoji (4-byte, with joiners and skin tone), a 4-byte symbol, Arabic and Hebrew. */
    private static final String TEXT = "héllo naïve café, Ærøskøbing — 日本語の文章と中文 한국어 "
            + "🎉👩🏽‍💻🇫🇷 𝄞 مرحبا بالعالم שלום עולם Ελληνικά ✓";

    /** The text as the provider's deltas: a few code points each, so characters straddle frames too. */
    private static List<String> deltas() {
        List<String> out = new ArrayList<>();
        int[] points = TEXT.codePoints().toArray();
        for (int i = 0; i < points.length; i += 5) {
            out.add(new String(points, i, Math.min(5, points.length - i)));
        }
        return out;
    }

    @Test
    void openAiStreamKeepsEveryCharacterWhereverTheBytesAreCut() throws Exception {
        StringBuilder sse = new StringBuilder();
        for (String delta : deltas()) {
            ObjectNode chunk = JSON.createObjectNode().put("id", "gen-1").put("object", "chat.completion.chunk");
            chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", delta);
            sse.append("data: ").append(JSON.writeValueAsString(chunk)).append("\n\n");
        }
        sse.append("data: [DONE]\n\n");
        assertEveryCutReadsTheText(sse.toString(),
                events -> HttpUpstreamProvider.openAiChunks(events, JSON));
    }

    @Test
    void anthropicStreamKeepsEveryCharacterWhereverTheBytesAreCut() throws Exception {
        StringBuilder sse = new StringBuilder();
        sse.append("event: message_start\r\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                + "\"usage\":{\"input_tokens\":12}}}\r\n\r\n");
        for (String delta : deltas()) {
            ObjectNode event = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            event.putObject("delta").put("type", "text_delta").put("text", delta);
            sse.append("event: content_block_delta\r\ndata: ").append(JSON.writeValueAsString(event)).append("\r\n\r\n");
        }
        sse.append("event: message_delta\r\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"output_tokens\":40}}\r\n\r\n");
        sse.append("event: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n");
        assertEveryCutReadsTheText(sse.toString(),
                events -> AnthropicStreamTranslation.chunks(events, JSON, "claude-3-5-haiku-20241022"));
    }

    private static void assertEveryCutReadsTheText(String sse,
            Function<Multi<SseLines.Event>, Multi<ObjectNode>> protocol) {
        byte[] bytes = sse.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).as("the stream has multi-byte characters").isGreaterThan(sse.length());
        for (int cut = 0; cut <= bytes.length; cut++) {
            List<byte[]> pieces = List.of(Arrays.copyOfRange(bytes, 0, cut), Arrays.copyOfRange(bytes, cut, bytes.length));
            assertThat(content(pieces, protocol)).as("bytes cut at offset %d", cut).isEqualTo(TEXT);
        }
        List<byte[]> single = new ArrayList<>();
        for (byte b : bytes) {
            single.add(new byte[] {b});
        }
        assertThat(content(single, protocol)).as("one byte per buffer").isEqualTo(TEXT);
    }

    private static String content(List<byte[]> pieces, Function<Multi<SseLines.Event>, Multi<ObjectNode>> protocol) {
        Multi<Buffer> network = Multi.createFrom().iterable(pieces).map(Buffer::buffer);
        StringBuilder text = new StringBuilder();
        for (ObjectNode chunk : protocol.apply(SseLines.events(network)).collect().asList().await().indefinitely()) {
            text.append(chunk.path("choices").path(0).path("delta").path("content").asText(""));
        }
        return text.toString();
    }
}
