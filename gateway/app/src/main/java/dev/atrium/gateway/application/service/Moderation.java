package dev.atrium.gateway.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.port.out.GuardrailChecker;
import dev.atrium.gateway.application.service.Admission.Admitted;
import dev.atrium.gateway.domain.Plugins;
import dev.atrium.guardrail.api.ModerationRequest;
import dev.atrium.guardrail.api.ModerationResult;
import dev.atrium.guardrail.api.Redaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code moderation} plugin: the guardrail's content filters in force for the key run on the
 * provider's answer before the client sees it, on every text of its message as {@link MessageText}
 * reads it (content, tool call arguments, refusal, reasoning). A block withholds the answer (403; it
 * was generated, so its usage is still recorded); redactions replace the matched spans; flags only reach the usage
 * record's reviewers through the guardrail. A streamed answer is held back until it is checked, then
 * sent as one content chunk followed by the provider's other chunks (tool calls, finish, usage).
 */
final class Moderation {

    static final String CONTENT_FILTER = "content_filter";
    private static final ModerationResult ALLOWED = new ModerationResult(true, 200, null, List.of(), List.of());

    private final GuardrailChecker guardrail;

    Moderation(GuardrailChecker guardrail) {
        this.guardrail = guardrail;
    }

    /** A non-streamed answer: every choice's message is checked at once; redactions are applied in place. */
    Uni<ModerationResult> moderate(Admitted admitted, ObjectNode answer) {
        if (!admitted.plugins().contains(Plugins.MODERATION)) {
            return Uni.createFrom().item(ALLOWED);
        }
        MessageText text = MessageText.ofAnswer(answer);
        if (text.text().isEmpty()) {
            return Uni.createFrom().item(ALLOWED);
        }
        return check(admitted, text.text()).invoke(verdict -> {
            if (verdict.allowed()) {
                text.redact(answer, verdict.redactions());
            }
        });
    }

    /**
     * A streamed answer, held back until it is checked: its text and each tool call's arguments, put
     * together from their fragments, are checked as the message they make.
     */
    Multi<ObjectNode> moderate(Admitted admitted, Multi<ObjectNode> chunks) {
        if (!admitted.plugins().contains(Plugins.MODERATION)) {
            return chunks;
        }
        return chunks.collect().asList().onItem().transformToMulti(all -> {
            ObjectNode whole = assembled(all);
            MessageText text = MessageText.ofAnswer(whole);
            return check(admitted, text.text()).onItem().transformToMulti(verdict -> {
                if (!verdict.allowed()) {
                    return Multi.createFrom().failure(new Withheld(verdict.message()));
                }
                text.redact(whole, verdict.redactions());
                return Multi.createFrom().iterable(rebuilt(all, whole.path("choices").path(0).path("message")));
            });
        });
    }

    /** The first choice's message the chunks make: its content and each tool call's whole arguments. */
    private static ObjectNode assembled(List<ObjectNode> chunks) {
        StringBuilder content = new StringBuilder();
        Map<Integer, StringBuilder> arguments = new TreeMap<>();
        for (ObjectNode chunk : chunks) {
            JsonNode delta = chunk.path("choices").path(0).path("delta");
            content.append(delta.path("content").asText(""));
            for (JsonNode call : delta.path("tool_calls")) {
                arguments.computeIfAbsent(call.path("index").asInt(0), i -> new StringBuilder())
                        .append(call.path("function").path("arguments").asText(""));
            }
        }
        ObjectNode whole = JsonNodeFactory.instance.objectNode();
        ObjectNode message = whole.putArray("choices").addObject().putObject("message");
        message.put("content", content.toString());
        ArrayNode calls = message.putArray("tool_calls");
        arguments.forEach((index, args) -> calls.addObject().put("index", index).putObject("function")
                .put("arguments", args.toString()));
        return whole;
    }

    private Uni<ModerationResult> check(Admitted admitted, String text) {
        return guardrail.moderate(new ModerationRequest(admitted.key().organizationId(),
                admitted.key().workspaceId(), admitted.key().keyId(), text));
    }

    /**
     * One chunk with the checked text, then every other chunk without its text; a tool call's checked
     * arguments travel whole in its first fragment. Chunks left empty are dropped.
     */
    private static List<ObjectNode> rebuilt(List<ObjectNode> chunks, JsonNode checked) {
        String text = checked.path("content").asText("");
        Map<Integer, String> arguments = new HashMap<>();
        checked.path("tool_calls").forEach(call -> arguments.put(call.path("index").asInt(),
                call.path("function").path("arguments").asText("")));
        List<ObjectNode> out = new ArrayList<>();
        if (!chunks.isEmpty() && !text.isEmpty()) {
            ObjectNode first = chunks.get(0).deepCopy();
            first.remove("usage");
            first.putArray("choices").addObject().put("index", 0).putObject("delta")
                    .put("role", "assistant").put("content", text);
            out.add(first);
        }
        for (ObjectNode chunk : chunks) {
            ObjectNode rest = chunk.deepCopy();
            JsonNode choice = rest.path("choices").path(0);
            if (choice.path("delta").isObject()) {
                ((ObjectNode) choice.path("delta")).remove(List.of("content", "role"));
                for (JsonNode call : choice.path("delta").path("tool_calls")) {
                    if (call.path("function").isObject()) {
                        String args = arguments.remove(call.path("index").asInt(0));
                        ((ObjectNode) call.path("function")).put("arguments", args == null ? "" : args);
                    }
                }
            }
            boolean empty = !rest.path("usage").isObject() && !choice.hasNonNull("finish_reason")
                    && (choice.path("delta").isMissingNode() || choice.path("delta").isEmpty())
                    && !rest.has("error");
            if (!empty) {
                out.add(rest);
            }
        }
        return out;
    }

    /** Replaces each span, the last first so earlier offsets hold. */
    static String redact(String text, List<Redaction> redactions) {
        if (redactions == null || redactions.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        redactions.stream().sorted(Comparator.comparingInt(Redaction::start).reversed()).forEach(r -> {
            if (r.start() >= 0 && r.end() <= out.length() && r.start() <= r.end()) {
                out.replace(r.start(), r.end(), r.replacement());
            }
        });
        return out.toString();
    }

    /** The provider had already generated the answer (and was paid for it); it is recorded, not delivered. */
    static class AfterGeneration extends ApiException {

        AfterGeneration(int status, String message) {
            super(status, message);
        }

        AfterGeneration(int status, String message, Map<String, Object> metadata) {
            super(status, message, metadata);
        }
    }

    /** The plugin's filters blocked the answer. */
    static final class Withheld extends AfterGeneration {

        Withheld(String message) {
            super(403, "The answer was withheld by the moderation plugin: " + message,
                    Map.of("finish_reason", CONTENT_FILTER));
        }
    }
}
