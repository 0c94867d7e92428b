package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.guardrail.api.Redaction;
import dev.atrium.workspace.api.PresetDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every message form of the OpenAI chat protocol the gateway forwards is scanned, and redacted where it was. */
class MessageTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SSN = "123-45-6789";

    @Test
    void redactionsLandInTheMessagesTheyCameFrom() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "Be kind.");
        messages.addObject().put("role", "user").put("content", "Mail ada@example.com or bob@example.org now");
        MessageText text = MessageText.of(body);
        assertThat(text.text()).isEqualTo("Be kind.\nMail ada@example.com or bob@example.org now");

        int ada = text.text().indexOf("ada@");
        int bob = text.text().indexOf("bob@");
        text.redact(body, List.of(new Redaction("email", ada, ada + 15, "[EMAIL]"),
                new Redaction("email", bob, bob + 15, "[EMAIL]")));

        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Mail [EMAIL] or [EMAIL] now");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Be kind.");
    }

    @Test
    void everyMessageFormIsScannedAndRedactedInPlace() throws Exception {
        // One SSN in every place an OpenAI chat request carries text; each must be seen and replaced.
        ObjectNode body = (ObjectNode) JSON.readTree("""
                {"model": "openai/gpt-4o-mini", "messages": [
                  {"role": "system", "content": "system SSN"},
                  {"role": "developer", "content": [{"type": "text", "text": "developer SSN"}]},
                  {"role": "user", "name": "name SSN", "content": [
                    {"type": "text", "text": "text part SSN"},
                    {"type": "input_text", "text": "input_text part SSN"},
                    {"type": "image_url", "image_url": {"url": "data:image/png;base64,SSN"}},
                    {"type": "text", "text": "second text part SSN", "cache_control": {"type": "ephemeral"}}]},
                  {"role": "assistant", "content": null, "refusal": "refusal SSN", "reasoning": "reasoning SSN",
                   "tool_calls": [{"id": "call_1", "type": "function",
                     "function": {"name": "lookup", "arguments": "{\\"ssn\\": \\"SSN\\"}"}}],
                   "function_call": {"name": "legacy", "arguments": "{\\"q\\": \\"legacy SSN\\"}"}},
                  {"role": "tool", "tool_call_id": "call_1", "content": "tool result SSN"},
                  {"role": "tool", "tool_call_id": "call_2", "content": [{"type": "text", "text": "tool part SSN"}]},
                  {"role": "function", "name": "legacy", "content": "function result SSN"}],
                 "tools": [{"type": "function", "function": {"name": "lookup",
                   "description": "tool description SSN", "parameters": {"type": "object"}}}]}
                """.replace("SSN", SSN));
        MessageText text = MessageText.of(body);

        List<String> scanned = List.of("system", "developer", "name", "text part", "input_text part",
                "second text part", "refusal", "reasoning", "{\"ssn\": \"", "legacy", "tool result", "tool part",
                "function result", "tool description");
        scanned.forEach(label -> assertThat(text.text()).contains(label));
        assertThat(occurrences(text.text(), SSN)).isEqualTo(scanned.size());
        // Media, ids and roles are not text a model reads.
        assertThat(text.text()).doesNotContain("base64").doesNotContain("call_1").doesNotContain("ephemeral");

        text.redact(body, everyOccurrence(text.text(), SSN, "[REDACTED:ssn]"));

        String forwarded = body.toString();
        // The only SSN left is inside the image's data URL, which the filters do not read.
        assertThat(occurrences(forwarded, SSN)).isEqualTo(1);
        assertThat(forwarded).contains("base64," + SSN);
        var messages = body.path("messages");
        assertThat(messages.get(2).path("content").get(0).path("text").asText())
                .isEqualTo("text part [REDACTED:ssn]");
        assertThat(messages.get(2).path("content").get(1).path("text").asText())
                .isEqualTo("input_text part [REDACTED:ssn]");
        assertThat(messages.get(2).path("name").asText()).isEqualTo("name [REDACTED:ssn]");
        assertThat(messages.get(3).path("tool_calls").get(0).path("function").path("arguments").asText())
                .isEqualTo("{\"ssn\": \"[REDACTED:ssn]\"}");
        assertThat(messages.get(3).path("function_call").path("arguments").asText())
                .isEqualTo("{\"q\": \"legacy [REDACTED:ssn]\"}");
        assertThat(messages.get(4).path("content").asText()).isEqualTo("tool result [REDACTED:ssn]");
        assertThat(messages.get(5).path("content").get(0).path("text").asText()).isEqualTo("tool part [REDACTED:ssn]");
        assertThat(body.path("tools").get(0).path("function").path("description").asText())
                .isEqualTo("tool description [REDACTED:ssn]");
        // Structure is untouched: part types, ids and roles are as sent.
        assertThat(messages.get(2).path("content").get(1).path("type").asText()).isEqualTo("input_text");
        assertThat(messages.get(3).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_1");
    }

    @Test
    void aRedactionAcrossTwoTextsRewritesItsPartOfEach() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree("""
                {"messages": [{"role": "user", "content": [{"type": "text", "text": "card 4111 1111"},
                  {"type": "text", "text": "1111 1111 thanks"}]}]}""");
        MessageText text = MessageText.of(body);
        int start = text.text().indexOf("4111");
        int end = text.text().indexOf(" thanks");

        text.redact(body, List.of(new Redaction("card", start, end, "[X]")));

        assertThat(body.path("messages").get(0).path("content").get(0).path("text").asText()).isEqualTo("card [X]");
        assertThat(body.path("messages").get(0).path("content").get(1).path("text").asText()).isEqualTo("[X] thanks");
    }

    @Test
    void thePresetsSystemPromptIsScannedInTheBodyThatIsForwarded() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree("""
                {"model": "@preset/support", "messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]}""");
        PresetDefinition preset = new PresetDefinition("ws_1", "support", 1,
                "Customer SSN on file: " + SSN, "openai/gpt-4o-mini", Map.of(), List.of(), Map.of());
        ObjectNode forwarded = Presets.apply(request, preset);
        MessageText text = MessageText.of(forwarded);

        assertThat(text.text()).isEqualTo("Customer SSN on file: " + SSN + "\nhi");
        text.redact(forwarded, everyOccurrence(text.text(), SSN, "[REDACTED:ssn]"));
        assertThat(forwarded.path("messages").get(0).path("content").asText())
                .isEqualTo("Customer SSN on file: [REDACTED:ssn]");
    }

    @Test
    void anAnswersMessageIsScannedWhole() throws Exception {
        ObjectNode answer = (ObjectNode) JSON.readTree("""
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": "content SSN",
                  "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "args SSN"}}]}},
                 {"index": 1, "message": {"role": "assistant", "content": [{"type": "output_text", "text": "part SSN"}]}}]}
                """.replace("SSN", SSN));
        MessageText text = MessageText.ofAnswer(answer);
        assertThat(occurrences(text.text(), SSN)).isEqualTo(3);

        text.redact(answer, everyOccurrence(text.text(), SSN, "[R]"));

        assertThat(answer.toString()).doesNotContain(SSN);
        assertThat(answer.path("choices").get(1).path("message").path("content").get(0).path("text").asText())
                .isEqualTo("part [R]");
    }

    private static int occurrences(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    private static List<Redaction> everyOccurrence(String text, String what, String replacement) {
        List<Redaction> out = new java.util.ArrayList<>();
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            out.add(new Redaction("ssn", at, at + what.length(), replacement));
        }
        return out;
    }
}
