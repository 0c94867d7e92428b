package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.adapter.in.rest.ChatRequestReader;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.domain.ChatRequest;
import dev.atrium.guardrail.api.ModerationResult;
import dev.atrium.guardrail.api.Redaction;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The moderation plugin runs the guardrail's content filters on the answer before the client sees it. */
class ModerationPluginTest {

    private final Fakes fakes = new Fakes();
    private final ChatCompletionService service = fakes.service(Clock.systemUTC());

    @Test
    void aRedactedAnswerReachesTheClientRedacted() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        fakes.content = "Call me at 555-0100 today";
        fakes.moderation.put(fakes.content, new ModerationResult(true, 200, null,
                List.of(new Redaction("phone", 11, 19, "[REDACTED:phone]")), List.of()));

        ObjectNode answer = complete(false, true);

        assertThat(answer.path("choices").path(0).path("message").path("content").asText())
                .isEqualTo("Call me at [REDACTED:phone] today");
        assertThat(fakes.usage).hasSize(1);
    }

    @Test
    void aBlockedAnswerIs403AndStillRecordedSoItsReservationSettles() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        fakes.content = "forbidden words";
        fakes.verdict = new dev.atrium.guardrail.api.CheckResult(true, 200, null, null, "res_9", "org:1");
        fakes.moderation.put(fakes.content, ModerationResult.blocked("filter no-secrets (organization)"));

        assertThatThrownBy(() -> complete(false, true)).isInstanceOf(ApiException.class)
                .hasMessageContaining("withheld").hasMessageContaining("no-secrets")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(403));
        assertThat(fakes.usage).singleElement().satisfies(u -> {
            assertThat(u.finishReason()).isEqualTo("content_filter");
            assertThat(u.reservationId()).isEqualTo("res_9");
        });
        assertThat(fakes.released).isEmpty();
    }

    @Test
    void anAnswerThatCannotBeModeratedIsWithheldButStillRecorded() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        fakes.verdict = new dev.atrium.guardrail.api.CheckResult(true, 200, null, null, "res_7", "org:1");
        fakes.moderationDown = true;

        assertThatThrownBy(() -> complete(false, true)).isInstanceOf(ApiException.class)
                .hasMessageContaining("could not be moderated")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
        assertThat(fakes.usage).singleElement().satisfies(u -> {
            assertThat(u.finishReason()).isEqualTo("error");
            assertThat(u.reservationId()).isEqualTo("res_7");
        });
        assertThat(fakes.released).isEmpty();
    }

    @Test
    void withoutThePluginNothingIsAsked() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        complete(false, false);
        assertThat(fakes.moderated).isEmpty();
    }

    @Test
    void aStreamedAnswerIsHeldBackCheckedAndSentRedacted() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        fakes.moderation.put("Hello there", new ModerationResult(true, 200, null,
                List.of(new Redaction("name", 6, 11, "[REDACTED:name]")), List.of()));

        List<ObjectNode> chunks = stream();

        assertThat(fakes.moderated).containsExactly("Hello there");
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(text.toString()).isEqualTo("Hello [REDACTED:name]");
        assertThat(chunks).anySatisfy(c -> assertThat(c.path("choices").path(0).path("finish_reason").asText())
                .isEqualTo("stop"));
        assertThat(chunks.get(chunks.size() - 1).path("usage").path("cost").isNumber()).isTrue();
        assertThat(fakes.usage).hasSize(1);
    }

    @Test
    void aStreamedToolCallsArgumentsAreCheckedWholeAndSentRedacted() throws Exception {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        fakes.moreChunks = List.of(
                (ObjectNode) json.readTree("""
                        {"id": "chatcmpl-up", "choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "call_1",
                          "type": "function", "function": {"name": "save", "arguments": "{\\"ssn\\": \\"123-"}}]}}]}"""),
                (ObjectNode) json.readTree("""
                        {"id": "chatcmpl-up", "choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0,
                          "function": {"arguments": "45-6789\\"}"}}]}}]}"""));
        // The number was split across two fragments: only the whole arguments show it.
        String checked = "Hello there\n{\"ssn\": \"123-45-6789\"}";
        int at = checked.indexOf("123-");
        fakes.moderation.put(checked, new ModerationResult(true, 200, null,
                List.of(new Redaction("ssn", at, at + 11, "[REDACTED:ssn]")), List.of()));

        List<ObjectNode> chunks = stream();

        assertThat(fakes.moderated).containsExactly(checked);
        StringBuilder arguments = new StringBuilder();
        chunks.forEach(c -> c.path("choices").path(0).path("delta").path("tool_calls")
                .forEach(call -> arguments.append(call.path("function").path("arguments").asText(""))));
        assertThat(arguments.toString()).isEqualTo("{\"ssn\": \"[REDACTED:ssn]\"}");
        assertThat(chunks).anySatisfy(c -> assertThat(c.path("choices").path(0).path("delta").path("tool_calls")
                .path(0).path("id").asText()).isEqualTo("call_1"));
    }

    @Test
    void aBlockedStreamFailsWith403AfterTheUsageIsRecorded() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        fakes.moderation.put("Hello there", ModerationResult.blocked("filter greetings (workspace)"));

        assertThatThrownBy(this::stream).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(403));
        assertThat(fakes.usage).hasSize(1);
    }

    private ObjectNode complete(boolean stream, boolean moderation) {
        ObjectNode body = body();
        ChatRequest request = new ChatRequest("openai/gpt-4o-mini", List.of(), stream, null, 11,
                moderation ? Map.of("moderation", true) : Map.of());
        return service.complete(new CompleteChatCommand(Fakes.KEY, request, body, ChatRequestReader::read)).await().indefinitely();
    }

    private List<ObjectNode> stream() {
        ChatRequest request = new ChatRequest("openai/gpt-4o-mini", List.of(), true, null, 11,
                Map.of("moderation", true));
        return service.open(new CompleteChatCommand(Fakes.KEY, request, body(), ChatRequestReader::read)).await().indefinitely()
                .chunks().collect().asList().await().indefinitely();
    }

    private static ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", "openai/gpt-4o-mini");
        body.putArray("messages").addObject().put("role", "user").put("content", "Hello");
        return body;
    }
}
