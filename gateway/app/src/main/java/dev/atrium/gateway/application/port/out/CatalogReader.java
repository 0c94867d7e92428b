package dev.atrium.gateway.application.port.out;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/** routing's public catalogue, as routing writes it (snake_case JSON). */
public interface CatalogReader {

    /** Every model: {@code id}, {@code name}, {@code context_length}, {@code pricing}, ... */
    Uni<List<ObjectNode>> models();

    /** One model with its endpoints ({@code id}, {@code name}, {@code architecture}, {@code endpoints}); empty when unknown. */
    Uni<Optional<ObjectNode>> endpoints(String modelId);

    /** Every provider: {@code id}, {@code name}, {@code data_policy}, {@code region}, {@code data_region}. */
    Uni<List<ObjectNode>> providers();
}
