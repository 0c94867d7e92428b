package dev.atrium.gateway.adapter.out.client;

import static dev.atrium.gateway.adapter.out.client.InternalCalls.unavailable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.out.CatalogReader;
import dev.atrium.gateway.application.port.out.RoutePlanner;
import dev.atrium.routing.api.PlanRequest;
import dev.atrium.routing.api.RoutePlan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** routing-service: the route plan of a request (internal) and the model catalogue (its public routes). */
@ApplicationScoped
class RoutingClient implements RoutePlanner, CatalogReader {

    private static final String SERVICE = "routing-service";

    private final InternalCalls calls;
    private final String url;

    RoutingClient(InternalCalls calls) {
        this.calls = calls;
        this.url = calls.config().routingUrl();
    }

    @Override
    public Uni<RoutePlan> plan(PlanRequest request) {
        return calls.post(url + "/internal/v1/routes/plan", request).map(response -> {
            if (response.statusCode() == 400 || response.statusCode() == 404) {
                // The client asked for a model or a routing option the catalogue cannot serve: routing's
                // answer (the field, close matches of an unknown model) goes to the client as it is.
                throw calls.clientError(response, "Invalid model or routing option");
            }
            return calls.ok(SERVICE, response, RoutePlan.class);
        });
    }

    @Override
    public Uni<List<ObjectNode>> models() {
        return list("/api/v1/catalog/models");
    }

    @Override
    public Uni<Optional<ObjectNode>> endpoints(String modelId) {
        return calls.get(url + "/api/v1/catalog/models/" + modelId + "/endpoints")
                .map(response -> switch (response.statusCode()) {
                    case 200 -> Optional.of((ObjectNode) calls.read(response, ObjectNode.class).path("data"));
                    case 404 -> Optional.<ObjectNode>empty();
                    default -> throw unavailable(SERVICE, response);
                });
    }

    @Override
    public Uni<List<ObjectNode>> providers() {
        return list("/api/v1/catalog/providers");
    }

    /** A catalogue listing: the objects of its {@code data}. */
    private Uni<List<ObjectNode>> list(String path) {
        return calls.get(url + path).map(response -> {
            List<ObjectNode> items = new ArrayList<>();
            calls.ok(SERVICE, response, ObjectNode.class).path("data").forEach(item -> items.add((ObjectNode) item));
            return items;
        });
    }
}
