package dev.atrium.routing.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.routing.application.port.in.BrowseCatalogQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

/** The public catalogue: no token needed. */
@Path("/api/v1")
@PermitAll
class CatalogResource {

    private final BrowseCatalogQuery catalog;

    CatalogResource(BrowseCatalogQuery catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/catalog/models")
    public Dtos.Page<Dtos.ModelView> models() {
        return new Dtos.Page<>(catalog.models().stream().map(Dtos.ModelView::of).toList());
    }

    /** Who serves the models: never their base URLs, which may name private hosts. */
    @GET
    @Path("/catalog/providers")
    public Dtos.Page<Dtos.ProviderView> providers() {
        return new Dtos.Page<>(catalog.providers().stream().map(Dtos.ProviderView::of).toList());
    }

    @GET
    @Path("/catalog/models/{author}/{slug}/endpoints")
    public Dtos.Single<Dtos.ModelEndpointsView> endpoints(@PathParam("author") String author,
            @PathParam("slug") String slug) {
        String id = author + "/" + slug;
        return catalog.endpoints(id).map(Dtos.ModelEndpointsView::of).map(Dtos.Single::new)
                .orElseThrow(() -> new ApiException(404, "Model " + id + " is not in the catalogue",
                        Map.of("field", "model")));
    }
}
