package dev.atrium.gateway.application.port.out;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.List;

public interface CatalogReader {

    /** routing's public model list: {@code id}, {@code name}, {@code context_length}, {@code pricing}, ... */
    Uni<List<ObjectNode>> models();
}
