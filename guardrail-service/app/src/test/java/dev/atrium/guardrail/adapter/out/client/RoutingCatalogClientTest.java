package dev.atrium.guardrail.adapter.out.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.atrium.common.json.JsonSettings;
import dev.atrium.guardrail.config.GuardrailConfig;
import dev.atrium.guardrail.domain.price.EndpointPrice;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingCatalogClientTest {

    private static final String ENDPOINTS = """
            {"data":{"id":"openai/gpt-4o-mini","name":"GPT-4o mini","endpoints":[
              {"name":"OpenAI | openai/gpt-4o-mini","provider_name":"OpenAI","tag":"openai","context_length":128000,
               "pricing":{"prompt":"0.00000015","completion":"0.0000006"},"max_completion_tokens":16384},
              {"name":"Azure | openai/gpt-4o-mini","provider_name":"Azure","tag":"azure",
               "pricing":{"prompt":"0.0000002","completion":"0.0000008"},"max_completion_tokens":null}]}}""";

    private final List<String> asked = new ArrayList<>();
    private HttpServer server;
    private RoutingCatalogClient client;

    @BeforeEach
    void startRouting() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            asked.add(path);
            boolean known = path.equals("/api/v1/catalog/models/openai/gpt-4o-mini/endpoints");
            byte[] body = (known ? ENDPOINTS : "{\"error\":{\"code\":404}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = new RoutingCatalogClient(config("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                JsonSettings.apply(new ObjectMapper()));
    }

    @AfterEach
    void stopRouting() {
        server.stop(0);
    }

    @Test
    void readsEveryEndpointsPerTokenPricesAndMaximumCompletion() {
        assertThat(client.endpoints("openai/gpt-4o-mini")).containsExactly(
                new EndpointPrice("openai/gpt-4o-mini", "openai", new BigDecimal("0.00000015"),
                        new BigDecimal("0.0000006"), 16384),
                new EndpointPrice("openai/gpt-4o-mini", "azure", new BigDecimal("0.0000002"),
                        new BigDecimal("0.0000008"), null));
        assertThat(asked).containsExactly("/api/v1/catalog/models/openai/gpt-4o-mini/endpoints");
    }

    @Test
    void anUnknownModelAnUnreachableRoutingOrAnOddIdGiveNoPrices() {
        assertThat(client.endpoints("nobody/knows")).isEmpty();
        assertThat(client.endpoints("../../admin")).isEmpty();
        assertThat(asked).containsExactly("/api/v1/catalog/models/nobody/knows/endpoints");
        server.stop(0);
        assertThat(client.endpoints("openai/gpt-4o-mini")).isEmpty();
    }

    private static GuardrailConfig config(String routingUrl) {
        return new GuardrailConfig() {
            @Override
            public String routingUrl() {
                return routingUrl;
            }

            @Override
            public Duration reservationTtl() {
                return Duration.ofMinutes(10);
            }

            @Override
            public String reservationSweepEvery() {
                return "30s";
            }

            @Override
            public String reconciliationEvery() {
                return "30s";
            }

            @Override
            public int defaultMaxCompletionTokens() {
                return 4096;
            }

            @Override
            public boolean durableReservations() {
                return false;
            }
        };
    }
}
