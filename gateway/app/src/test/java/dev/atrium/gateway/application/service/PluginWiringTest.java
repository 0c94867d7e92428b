package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.adapter.in.rest.ChatRequestReader;
import dev.atrium.gateway.application.port.in.CompleteChatUseCase.CompleteChatCommand;
import dev.atrium.gateway.domain.ChatRequest;
import dev.atrium.routing.api.Candidate;
import dev.atrium.workspace.api.KeyContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginWiringTest {

    private final Fakes fakes = new Fakes();
    private final ChatCompletionService service = fakes.service(
            java.time.Clock.systemUTC());

    @Test
    void responseHealingRepairsJsonTheClientAskedFor() throws Exception {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        fakes.content = "```json\n{\"city\": \"Paris\",}\n```";
        ObjectNode body = body(2);
        body.putObject("response_format").put("type", "json_object");
        ObjectNode answer = complete(body, Map.of("response-healing", true));
        String content = answer.path("choices").path(0).path("message").path("content").asText();
        assertThat(new ObjectMapper().readTree(content).path("city").asText()).isEqualTo("Paris");
    }

    @Test
    void withoutThePluginTheAnswerIsUntouched() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        fakes.content = "```json\n{\"city\": \"Paris\",}\n```";
        ObjectNode body = body(2);
        body.putObject("response_format").put("type", "json_object");
        assertThat(complete(body, Map.of()).path("choices").path(0).path("message").path("content").asText())
                .isEqualTo(fakes.content);
    }

    @Test
    void contextCompressionTrimsTheMiddleToTheCandidatesContext() {
        Candidate small = new Candidate("openai/gpt-4o-mini", "openai", "gpt-4o-mini", "http://x", "openai",
                Fakes.candidate("openai", "0.1", "0.1", false).price(),
                new dev.atrium.routing.api.DataPolicy(false, false, false), null, 600, 100);
        fakes.candidates = List.of(small);
        complete(body(12), Map.of("context-compression", true));
        assertThat(fakes.lastBody.withArray("messages").size()).isLessThan(12);
        assertThat(fakes.lastBody.withArray("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(fakes.lastBody.has("plugins")).isFalse();
    }

    @Test
    void aLockedWorkspacePluginStaysOnAndUnavailableOnesAre400() {
        fakes.candidates = List.of(Fakes.candidate("openai", "0.1", "0.1", false));
        KeyContext c = Fakes.CONTEXT;
        fakes.context = new KeyContext(c.keyId(), c.keyName(), c.ownerUserId(), c.limit(), c.limitReset(),
                c.includeByokInLimit(), c.workspaceId(), c.workspaceSlug(), c.organizationId(), c.defaultTextModel(),
                c.defaultProviderSort(), 2, List.of(), Map.of(),
                List.of(new KeyContext.PluginSetting("web", true, true, Map.of())), List.of());
        assertThatThrownBy(() -> complete(body(2), Map.of("web", false))).isInstanceOf(ApiException.class)
                .hasMessageContaining("Plugin web is unavailable")
                .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> complete(body(2), Map.of("teleport", true)))
                .extracting(e -> ((ApiException) e).metadata().get("field")).isEqualTo("plugins");
    }

    private ObjectNode complete(ObjectNode body, Map<String, Boolean> plugins) {
        ChatRequest request = new ChatRequest("openai/gpt-4o-mini", List.of(), false, null, 100, plugins);
        return service.complete(new CompleteChatCommand(Fakes.KEY, request, body, ChatRequestReader::read)).await().indefinitely();
    }

    private static ObjectNode body(int messages) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", "openai/gpt-4o-mini");
        var list = body.putArray("messages");
        list.addObject().put("role", "system").put("content", "Be brief.");
        for (int i = 1; i < messages; i++) {
            list.addObject().put("role", i % 2 == 1 ? "user" : "assistant").put("content", "x".repeat(400));
        }
        body.putArray("plugins").addObject().put("id", "context-compression");
        return body;
    }
}
