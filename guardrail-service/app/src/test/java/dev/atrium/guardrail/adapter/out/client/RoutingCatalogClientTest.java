package dev.atrium.guardrail.adapter.out.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.guardrail.domain.price.EndpointPrice;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client against a fake of routing's catalogue as its REST client answers (404 and an outage as thrown). */
class RoutingCatalogClientTest {

    private static final String ENDPOINTS = """
            {"data":{"id":"openai/gpt-4o-mini","name":"GPT-4o mini","endpoints":[
              {"name":"OpenAI | openai/gpt-4o-mini","provider_name":"OpenAI","tag":"openai","context_length":128000,
               "pricing":{"prompt":"0.00000015","completion":"0.0000006"},"max_completion_tokens":16384},
              {"name":"Azure | openai/gpt-4o-mini","provider_name":"Azure","tag":"azure",
               "pricing":{"prompt":"0.0000002","completion":"0.0000008"},"max_completion_tokens":null}]}}""";

    private final List<String> asked = new ArrayList<>();
    private boolean routingDown;
    private final RoutingCatalogClient client = new RoutingCatalogClient((author, slug) -> {
        if (routingDown) {
            throw new ProcessingException("Connection refused");
        }
        asked.add(author + "/" + slug);
        if (!(author + "/" + slug).equals("openai/gpt-4o-mini")) {
            throw new WebApplicationException(404);
        }
        return json(ENDPOINTS);
    });

    @Test
    void readsEveryEndpointsPerTokenPricesAndMaximumCompletion() {
        assertThat(client.endpoints("openai/gpt-4o-mini")).containsExactly(
                new EndpointPrice("openai/gpt-4o-mini", "openai", new BigDecimal("0.00000015"),
                        new BigDecimal("0.0000006"), 16384),
                new EndpointPrice("openai/gpt-4o-mini", "azure", new BigDecimal("0.0000002"),
                        new BigDecimal("0.0000008"), null));
        assertThat(asked).containsExactly("openai/gpt-4o-mini");
    }

    @Test
    void anUnknownModelAnUnreachableRoutingOrAnOddIdGiveNoPrices() {
        assertThat(client.endpoints("nobody/knows")).isEmpty();
        assertThat(client.endpoints("../../admin")).isEmpty();
        assertThat(asked).containsExactly("nobody/knows");
        routingDown = true;
        assertThat(client.endpoints("openai/gpt-4o-mini")).isEmpty();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
