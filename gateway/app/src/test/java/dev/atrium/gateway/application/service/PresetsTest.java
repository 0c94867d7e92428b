package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.workspace.api.PresetDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresetsTest {

    private static final Map<String, Integer> WORKSPACE = Map.of("support", 3);
    private static final PresetDefinition SUPPORT = new PresetDefinition("ws_1", "support", 3, "You are terse.",
            "openai/gpt-4o-mini", Map.of("temperature", 0.2, "max_tokens", 256), List.of("temperature"),
            Map.of("sort", "price", "zdr", true));

    @Test
    void namesThePresetAsModelOrFieldAtTheNewestOrAGivenVersion() {
        assertThat(Presets.reference(body("@preset/support"), WORKSPACE)).contains("support@3");
        assertThat(Presets.reference(body("@preset/support@2"), WORKSPACE)).contains("support@2");
        assertThat(Presets.reference(body("openai/gpt-4o").put("preset", "support"), WORKSPACE))
                .contains("support@3");
        assertThat(Presets.reference(body("openai/gpt-4o"), WORKSPACE)).isEmpty();
    }

    @Test
    void anUnknownPresetOrVersionIs400NamingTheField() {
        assertBadRequest(() -> Presets.reference(body("@preset/sales"), WORKSPACE), "model", "no preset named 'sales'");
        assertBadRequest(() -> Presets.reference(body("@preset/support@4"), WORKSPACE), "model", "no version 4");
        assertBadRequest(() -> Presets.reference(body("@preset/support@x"), WORKSPACE), "model", "no version x");
        assertBadRequest(() -> Presets.reference(body("a/b").put("preset", 7), WORKSPACE), "preset", "preset slug");
    }

    @Test
    void systemPromptFirstParametersUnderTheRequestsLockedOnesWin() {
        ObjectNode request = body("@preset/support").put("temperature", 1.5).put("max_tokens", 40);
        ObjectNode applied = Presets.apply(request, SUPPORT);

        assertThat(applied.path("model").asText()).isEqualTo("openai/gpt-4o-mini");
        assertThat(applied.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(applied.path("messages").get(0).path("content").asText()).isEqualTo("You are terse.");
        assertThat(applied.path("messages").get(1).path("content").asText()).isEqualTo("Hi");
        assertThat(applied.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(applied.path("max_tokens").asInt()).isEqualTo(40);
        assertThat(applied.path("provider").path("sort").asText()).isEqualTo("price");
        assertThat(request.path("messages")).hasSize(1);
        assertThat(request.path("model").asText()).isEqualTo("@preset/support");
    }

    @Test
    void theRequestsModelAndProviderChoicesStayTheirs() {
        ObjectNode request = body("anthropic/claude-3.5-haiku").put("preset", "support");
        request.putObject("provider").put("sort", "latency");
        ObjectNode applied = Presets.apply(request, SUPPORT);

        assertThat(applied.path("model").asText()).isEqualTo("anthropic/claude-3.5-haiku");
        assertThat(applied.has("preset")).isFalse();
        assertThat(applied.path("provider").path("sort").asText()).isEqualTo("latency");
        assertThat(applied.path("provider").path("zdr").asBoolean()).isTrue();
        assertThat(applied.path("max_tokens").asInt()).isEqualTo(256);
    }

    private static ObjectNode body(String model) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", "Hi");
        return body;
    }

    private static void assertBadRequest(Runnable call, String field, String message) {
        assertThatThrownBy(call::run).isInstanceOf(ApiException.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    assertThat(((ApiException) e).status()).isEqualTo(400);
                    assertThat(((ApiException) e).metadata()).containsEntry("field", field);
                });
    }
}
