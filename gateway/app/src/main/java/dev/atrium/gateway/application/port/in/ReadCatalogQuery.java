package dev.atrium.gateway.application.port.in;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** {@code GET /api/v1/models/{author}/{slug}/endpoints} and {@code GET /api/v1/providers}, for an API key. */
public interface ReadCatalogQuery {

    /** routing's view of the model and its endpoints; 404 when unknown or when the key's policies forbid the model. */
    Uni<ObjectNode> endpoints(String apiKey, String author, String slug);

    /** Every provider of the catalogue. */
    Uni<List<ObjectNode>> providers(String apiKey);
}
