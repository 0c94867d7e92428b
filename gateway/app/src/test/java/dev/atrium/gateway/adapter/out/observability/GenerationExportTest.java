package dev.atrium.gateway.adapter.out.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.api.UsageRecorded;
import dev.atrium.gateway.application.port.out.GenerationObserver.FinishedGeneration;
import dev.atrium.workspace.api.KeyContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GenerationExportTest {

    static final Instant AT = Instant.parse("2026-11-26T10:00:00.250Z");

    static FinishedGeneration generation(String id, String prompt, String completion) {
        UsageRecorded usage = new UsageRecorded(id, "org_1", "ws_1", "key_1", "user_1", "openai/gpt-4o-mini", "openai",
                "gpt-4o-mini", 12, 34, new BigDecimal("0.00000015"), new BigDecimal("0.0000006"),
                new BigDecimal("0.0000222"), false, "res_1", "org:1,ws:2", 250, false, "stop", AT);
        KeyContext key = new KeyContext("key_1", "ci", "user_1", null, null, false, "ws_1", "default", "org_1", null,
                null, 7);
        return new FinishedGeneration(usage, key, prompt, completion);
    }

    @Test
    void otlpSpanCarriesTheGenerationInOtlpJson() {
        JsonNode root = GenerationExport.otlpSpan(generation("gen-1", "Say hi", "Hi!"), false);
        JsonNode resource = root.path("resourceSpans").path(0);
        assertThat(attributes(resource.path("resource"))).containsEntry("service.name", "atrium-gateway");
        JsonNode span = resource.path("scopeSpans").path(0).path("spans").path(0);
        assertThat(span.path("traceId").asText()).matches("[0-9a-f]{32}");
        assertThat(span.path("spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(span.path("name").asText()).isEqualTo("chat openai/gpt-4o-mini");
        assertThat(span.path("kind").asInt()).isEqualTo(3);
        assertThat(span.path("endTimeUnixNano").asText()).isEqualTo("1795687200250000000");
        assertThat(span.path("startTimeUnixNano").asText()).isEqualTo("1795687200000000000");
        Map<String, String> attributes = attributes(span);
        assertThat(attributes).containsEntry("gen_ai.provider.name", "openai")
                .containsEntry("gen_ai.request.model", "openai/gpt-4o-mini")
                .containsEntry("gen_ai.response.model", "gpt-4o-mini")
                .containsEntry("gen_ai.usage.input_tokens", "12")
                .containsEntry("gen_ai.usage.output_tokens", "34")
                .containsEntry("atrium.workspace_id", "ws_1")
                .containsEntry("atrium.cost", "0.0000222")
                .containsEntry("gen_ai.prompt", "Say hi")
                .containsEntry("gen_ai.completion", "Hi!");
        assertThat(span.path("status").path("code").asInt()).isEqualTo(1);
        // The same generation always gets the same ids, so a collector can drop a duplicate.
        assertThat(GenerationExport.otlpSpan(generation("gen-1", null, null), true).toString())
                .contains(span.path("traceId").asText());
    }

    @Test
    void privacyModeKeepsPromptAndCompletionOut() {
        String span = GenerationExport.otlpSpan(generation("gen-2", "secret plan", "the answer"), true).toString();
        assertThat(span).doesNotContain("secret plan").doesNotContain("the answer").doesNotContain("gen_ai.prompt")
                .contains("gen_ai.usage.input_tokens");
        ObjectNode webhook = GenerationExport.webhook(generation("gen-2", "secret plan", "the answer"), true);
        assertThat(webhook.toString()).doesNotContain("secret plan").doesNotContain("the answer");
        assertThat(webhook.has("prompt")).isFalse();
        assertThat(webhook.path("privacy_mode").asBoolean()).isTrue();
    }

    @Test
    void webhookDocumentHasTheUsageFactsInSnakeCase() {
        ObjectNode webhook = GenerationExport.webhook(generation("gen-3", "Say hi", "Hi!"), false);
        assertThat(webhook.path("type").asText()).isEqualTo("generation");
        assertThat(webhook.path("generation_id").asText()).isEqualTo("gen-3");
        assertThat(webhook.path("workspace_id").asText()).isEqualTo("ws_1");
        assertThat(webhook.path("prompt_tokens").asLong()).isEqualTo(12);
        assertThat(webhook.path("completion_tokens").asLong()).isEqualTo(34);
        assertThat(webhook.path("cost").decimalValue()).isEqualByComparingTo("0.0000222");
        assertThat(webhook.path("created_at").asText()).isEqualTo("2026-11-26T10:00:00.250Z");
        assertThat(webhook.path("prompt").asText()).isEqualTo("Say hi");
        assertThat(webhook.path("completion").asText()).isEqualTo("Hi!");
    }

    @Test
    void samplingKeepsAllNoneOrAboutTheRate() {
        assertThat(IntStream.range(0, 1000).allMatch(i -> GenerationExport.sampled(1.0, "gen-" + i, "e"))).isTrue();
        assertThat(IntStream.range(0, 1000).noneMatch(i -> GenerationExport.sampled(0.0, "gen-" + i, "e"))).isTrue();
        long kept = IntStream.range(0, 10_000).filter(i -> GenerationExport.sampled(0.25, "gen-" + i, "e")).count();
        assertThat(kept).isBetween(2_250L, 2_750L);
        // Decided by the generation: the same answer every time.
        assertThat(GenerationExport.sampled(0.5, "gen-42", "e")).isEqualTo(GenerationExport.sampled(0.5, "gen-42", "e"));
    }

    @Test
    void otlpEndpointGetsTheTracesPath() {
        assertThat(GenerationExport.tracesUrl("http://collector:4318")).isEqualTo("http://collector:4318/v1/traces");
        assertThat(GenerationExport.tracesUrl("http://collector:4318/")).isEqualTo("http://collector:4318/v1/traces");
        assertThat(GenerationExport.tracesUrl("https://otlp.example/v1/traces"))
                .isEqualTo("https://otlp.example/v1/traces");
    }

    static Map<String, String> attributes(JsonNode holder) {
        Map<String, String> values = new HashMap<>();
        holder.path("attributes").forEach(a -> {
            JsonNode v = a.path("value");
            values.put(a.path("key").asText(), v.has("stringValue") ? v.path("stringValue").asText()
                    : v.has("intValue") ? v.path("intValue").asText() : v.toString());
        });
        return values;
    }
}
