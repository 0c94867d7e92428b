package dev.atrium.routing.application.port.out;

import dev.atrium.routing.domain.Endpoint;
import dev.atrium.routing.domain.Model;
import dev.atrium.routing.domain.Provider;

/** Platform admins' edits to the stored catalogue: each inserts or overwrites by id. */
public interface CatalogWriter {

    void saveProvider(Provider provider);

    void saveModel(Model model);

    void saveEndpoint(Endpoint endpoint);

    /** False when the catalogue did not hold the endpoint. */
    boolean removeEndpoint(String modelId, String providerId);
}
