package dev.atrium.gateway.application.port.in;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** {@code GET /api/v1/models}: the catalogue's models this key's policies let it use. */
public interface ListModelsQuery {

    Uni<List<ObjectNode>> models(String apiKey);
}
