package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.domain.Charge;
import dev.atrium.gateway.domain.Usage;
import dev.atrium.routing.api.Price;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The fields OpenRouter's SDK requires, as its schemas name them. */
class ChatShapesTest {

    private static final Price QUOTE = new Price(new BigDecimal("0.000001"), new BigDecimal("0.000002"));

    @Test
    void aContentChunkLeavesUsageOutAndNamesEveryRequiredField() {
        ObjectNode chunk = JsonNodeFactory.instance.objectNode().put("id", "x").put("model", "m");
        chunk.putNull("usage");
        chunk.putNull("system_fingerprint");
        chunk.putArray("choices").addObject().putObject("delta").put("content", "hi");

        ChatShapes.chunk(chunk, 1_700_000_000L);

        assertThat(chunk.has("usage")).isFalse();
        assertThat(chunk.has("system_fingerprint")).isFalse();
        assertThat(chunk.path("created").asLong()).isEqualTo(1_700_000_000L);
        assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(chunk.path("choices").path(0).path("index").asInt()).isZero();
        assertThat(chunk.path("choices").path(0).has("finish_reason")).isTrue();
        assertThat(chunk.path("choices").path(0).path("finish_reason").isNull()).isTrue();
    }

    @Test
    void anAnswerHasASystemFingerprintEvenIfNull() {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.putArray("choices").addObject().putObject("message").put("content", "hi");
        ChatShapes.answer(answer, 5);
        assertThat(answer.has("system_fingerprint")).isTrue();
        assertThat(answer.path("object").asText()).isEqualTo("chat.completion");
        assertThat(answer.path("choices").path(0).path("finish_reason").isNull()).isTrue();
    }

    @Test
    void usageSplitsItsCostIntoPromptAndCompletionPartsThatAddUp() {
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        holder.putObject("usage").putObject("prompt_tokens_details").put("cached_tokens", 3);
        Usage tokens = new Usage(10, 20);
        ChatShapes.usage(holder, tokens, Charge.of(tokens, QUOTE, null), QUOTE, false);

        var details = holder.path("usage").path("cost_details");
        assertThat(details.path("upstream_inference_prompt_cost").decimalValue()).isEqualByComparingTo("0.00001");
        assertThat(details.path("upstream_inference_completions_cost").decimalValue()).isEqualByComparingTo("0.00004");
        assertThat(details.path("upstream_inference_cost").decimalValue()).isEqualByComparingTo("0.00005");
        assertThat(holder.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(3);
        assertThat(holder.path("usage").path("total_tokens").asInt()).isEqualTo(30);
    }

    @Test
    void aCappedChargeIsSplitSoThePartsStillAddUpToIt() {
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        Usage tokens = new Usage(10, 20);
        ChatShapes.usage(holder, tokens, Charge.of(tokens, QUOTE, new BigDecimal("0.00002")), QUOTE, false);

        var usage = holder.path("usage");
        assertThat(usage.path("cost").decimalValue()).isEqualByComparingTo("0.00002");
        assertThat(usage.path("cost_details").path("upstream_inference_prompt_cost").decimalValue()
                .add(usage.path("cost_details").path("upstream_inference_completions_cost").decimalValue()))
                .isEqualByComparingTo("0.00002");
    }
}
