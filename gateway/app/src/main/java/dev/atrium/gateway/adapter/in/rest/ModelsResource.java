package dev.atrium.gateway.adapter.in.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.gateway.application.port.in.ListModelsQuery;
import dev.atrium.gateway.application.port.in.ReadCatalogQuery;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue as an API key sees it, in OpenRouter's shapes (and OpenAI's list shape for
 * {@code /models}): only the models the key's policies let it use, each served by at least one provider.
 */
@Path("/api/v1")
class ModelsResource {

    private static final int MAX_LIMIT = 1000;

    private final ListModelsQuery models;
    private final ReadCatalogQuery catalog;

    ModelsResource(ListModelsQuery models, ReadCatalogQuery catalog) {
        this.models = models;
        this.catalog = catalog;
    }

    /** {@code offset} and {@code limit} page the list; without {@code limit}, every model. */
    @GET
    @Path("/models")
    public Uni<Map<String, Object>> models(@HeaderParam("Authorization") String authorization,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return page(authorization, offset, limit, "/api/v1/models");
    }

    /** OpenRouter's "models filtered by the user's settings": here the key's policies, the same list as {@code /models}. */
    @GET
    @Path("/models/user")
    public Uni<Map<String, Object>> userModels(@HeaderParam("Authorization") String authorization,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return page(authorization, offset, limit, "/api/v1/models/user");
    }

    @GET
    @Path("/models/count")
    public Uni<Map<String, Object>> count(@HeaderParam("Authorization") String authorization) {
        return listable(authorization).map(list -> Map.of("data", Map.of("count", list.size())));
    }

    @GET
    @Path("/models/{author}/{slug}/endpoints")
    public Uni<Map<String, Object>> endpoints(@HeaderParam("Authorization") String authorization,
            @PathParam("author") String author, @PathParam("slug") String slug) {
        return catalog.endpoints(ApiKeyHeader.read(authorization), author, slug)
                .map(model -> Map.of("data", CatalogShapes.endpoints(model)));
    }

    @GET
    @Path("/providers")
    public Uni<Map<String, Object>> providers(@HeaderParam("Authorization") String authorization) {
        return catalog.providers(ApiKeyHeader.read(authorization))
                .map(list -> Map.of("data", list.stream().map(CatalogShapes::provider).toList()));
    }

    private Uni<Map<String, Object>> page(String authorization, Integer offset, Integer limit, String path) {
        int from = offset == null ? 0 : offset;
        if (from < 0) {
            throw ApiException.badRequest("offset", "offset must be 0 or more");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return listable(authorization).map(all -> {
            int end = limit == null ? all.size() : (int) Math.min(all.size(), (long) from + limit);
            List<ObjectNode> page = from >= all.size() ? List.of() : all.subList(from, end);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("object", "list");
            body.put("data", page.stream().map(CatalogShapes::model).toList());
            body.put("total_count", all.size());
            Map<String, Object> links = new LinkedHashMap<>();
            links.put("next", end < all.size() && limit != null
                    ? path + "?offset=" + end + "&limit=" + limit : null);
            body.put("links", links);
            return body;
        });
    }

    private Uni<List<ObjectNode>> listable(String authorization) {
        return models.models(ApiKeyHeader.read(authorization))
                .map(list -> list.stream().filter(CatalogShapes::listable).toList());
    }
}
