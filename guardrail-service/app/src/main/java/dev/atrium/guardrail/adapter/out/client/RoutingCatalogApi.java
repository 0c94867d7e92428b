package dev.atrium.guardrail.adapter.out.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * routing-service's public catalogue (no token needed). URL and timeouts:
 * {@code quarkus.rest-client.routing-catalog.*} (the URL is {@code atrium.guardrail.routing-url}).
 */
@RegisterRestClient(configKey = "routing-catalog")
@Path("/api/v1/catalog/models")
interface RoutingCatalogApi {

    /** OpenRouter's shape: {@code {"data":{"endpoints":[...]}}}; 404 for a model routing does not know. */
    @GET
    @Path("/{author}/{slug}/endpoints")
    JsonNode endpoints(@PathParam("author") String author, @PathParam("slug") String slug);
}
