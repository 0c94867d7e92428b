package dev.atrium.gateway.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.gateway.application.port.in.ListModelsQuery;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/models}: OpenAI's list shape plus pricing, for the caller's key. */
@Path("/api/v1")
class ModelsResource {

    private final ListModelsQuery models;

    ModelsResource(ListModelsQuery models) {
        this.models = models;
    }

    @GET
    @Path("/models")
    public Uni<Map<String, Object>> models(@HeaderParam("Authorization") String authorization) {
        return models.models(ApiKeyHeader.read(authorization)).map(list -> {
            list.forEach(m -> m.put("object", "model").put("owned_by", m.path("id").asText().split("/")[0]));
            return Map.<String, Object>of("object", "list", "data", List.copyOf(list));
        });
    }
}
