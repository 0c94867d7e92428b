package dev.atrium.guardrail.adapter.out.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.guardrail.application.port.out.CatalogSource;
import dev.atrium.guardrail.domain.price.EndpointPrice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Routing's public {@code GET /api/v1/catalog/models/{author}/{slug}/endpoints}; prices are per-token strings.
 * Whatever routing cannot answer (unknown model, unreachable, too slow) gives no prices.
 */
@ApplicationScoped
class RoutingCatalogClient implements CatalogSource {

    private static final Logger LOG = Logger.getLogger(RoutingCatalogClient.class);

    private final RoutingCatalogApi routing;

    RoutingCatalogClient(@RestClient RoutingCatalogApi routing) {
        this.routing = routing;
    }

    @Override
    public List<EndpointPrice> endpoints(String model) {
        if (!model.matches("[A-Za-z0-9._~-]+/[A-Za-z0-9._~-]+")) {
            return List.of();
        }
        String[] id = model.split("/");
        try {
            return parse(model, routing.endpoints(id[0], id[1]));
        } catch (WebApplicationException e) {
            LOG.debugf("Routing answered %d for the endpoints of %s", e.getResponse().getStatus(), model);
            return List.of();
        } catch (ProcessingException | IllegalArgumentException e) {
            LOG.warnf("Could not read the prices of %s from routing: %s", model, e.getMessage());
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
