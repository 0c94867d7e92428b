package dev.atrium.guardrail.adapter.out.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.guardrail.application.port.out.CatalogSource;
import dev.atrium.guardrail.config.GuardrailConfig;
import dev.atrium.guardrail.domain.price.EndpointPrice;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Routing's public {@code GET /api/v1/catalog/models/{author}/{slug}/endpoints}; prices are per-token strings. */
@ApplicationScoped
class RoutingCatalogClient implements CatalogSource {

    private static final Logger LOG = Logger.getLogger(RoutingCatalogClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final GuardrailConfig config;
    private final ObjectMapper mapper;

    RoutingCatalogClient(GuardrailConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public List<EndpointPrice> endpoints(String model) {
        if (!model.matches("[A-Za-z0-9._~-]+/[A-Za-z0-9._~-]+")) {
            return List.of();
        }
        URI uri = URI.create(config.routingUrl().replaceAll("/+$", "") + "/api/v1/catalog/models/" + model
                + "/endpoints");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.debugf("Routing answered %d for the endpoints of %s", response.statusCode(), model);
                return List.of();
            }
            return parse(model, mapper.readTree(response.body()));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("Could not read the prices of %s from routing at %s: %s", model, uri, e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static List<EndpointPrice> parse(String model, JsonNode body) {
        List<EndpointPrice> endpoints = new ArrayList<>();
        for (JsonNode e : body.path("data").path("endpoints")) {
            String provider = e.path("tag").asText(e.path("provider_name").asText(null));
            JsonNode pricing = e.path("pricing");
            if (provider == null || !pricing.hasNonNull("prompt") || !pricing.hasNonNull("completion")) {
                continue;
            }
            JsonNode max = e.path("max_completion_tokens");
            endpoints.add(new EndpointPrice(model, provider, new BigDecimal(pricing.path("prompt").asText()),
                    new BigDecimal(pricing.path("completion").asText()), max.canConvertToInt() ? max.intValue() : null));
        }
        return endpoints;
    }
}
