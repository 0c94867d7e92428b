package dev.atrium.routing.adapter.in.rest;

import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.routing.application.port.in.PutEndpointUseCase;
import dev.atrium.routing.application.port.in.PutEndpointUseCase.PutEndpointCommand;
import dev.atrium.routing.application.port.in.PutModelUseCase;
import dev.atrium.routing.application.port.in.PutModelUseCase.PutModelCommand;
import dev.atrium.routing.application.port.in.PutProviderUseCase;
import dev.atrium.routing.application.port.in.PutProviderUseCase.PutProviderCommand;
import dev.atrium.routing.application.port.in.RemoveEndpointUseCase;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Platform admins edit the catalogue; every change is published on atrium.routing.events. */
@Path("/api/v1")
@Authenticated
class CatalogAdminResource {

    private final SecurityIdentity caller;
    private final PutProviderUseCase putProvider;
    private final PutModelUseCase putModel;
    private final PutEndpointUseCase putEndpoint;
    private final RemoveEndpointUseCase removeEndpoint;

    CatalogAdminResource(SecurityIdentity caller, PutProviderUseCase putProvider, PutModelUseCase putModel,
            PutEndpointUseCase putEndpoint, RemoveEndpointUseCase removeEndpoint) {
        this.caller = caller;
        this.putProvider = putProvider;
        this.putModel = putModel;
        this.putEndpoint = putEndpoint;
        this.removeEndpoint = removeEndpoint;
    }

    @PUT
    @Path("/catalog/providers/{provider}")
    public Dtos.Single<CatalogDtos.ProviderView> putProvider(@PathParam("provider") String provider,
            CatalogDtos.ProviderBody body) {
        requirePlatformAdmin();
        var b = body == null ? CatalogDtos.ProviderBody.EMPTY : body;
        var policy = b.dataPolicy() == null ? CatalogDtos.DataPolicyBody.EMPTY : b.dataPolicy();
        var saved = putProvider.put(PutProviderCommand.of(provider, b.name(), b.baseUrl(), b.protocol(),
                policy.zdr(), policy.retainsPrompts(), policy.trainsOnData(), b.region(), b.dataRegion()));
        return new Dtos.Single<>(CatalogDtos.ProviderView.of(saved));
    }

    @PUT
    @Path("/catalog/models/{author}/{slug}")
    public Dtos.Single<CatalogDtos.ModelAdminView> putModel(@PathParam("author") String author,
            @PathParam("slug") String slug, CatalogDtos.ModelBody body) {
        requirePlatformAdmin();
        var b = body == null ? CatalogDtos.ModelBody.EMPTY : body;
        var c = b.capabilities() == null ? CatalogDtos.CapabilitiesBody.EMPTY : b.capabilities();
        var saved = putModel.put(PutModelCommand.of(author, slug, b.name(), b.contextLength(), c.tools(),
                c.jsonMode(), c.vision(), c.streaming()));
        return new Dtos.Single<>(CatalogDtos.ModelAdminView.of(saved));
    }

    @PUT
    @Path("/catalog/models/{author}/{slug}/endpoints/{provider}")
    public Dtos.Single<CatalogDtos.EndpointAdminView> putEndpoint(@PathParam("author") String author,
            @PathParam("slug") String slug, @PathParam("provider") String provider, CatalogDtos.EndpointBody body) {
        requirePlatformAdmin();
        var b = body == null ? CatalogDtos.EndpointBody.EMPTY : body;
        var pricing = b.pricing() == null ? CatalogDtos.PriceBody.EMPTY : b.pricing();
        var saved = putEndpoint.put(PutEndpointCommand.of(author + "/" + slug, provider, b.upstreamModel(),
                pricing.prompt(), pricing.completion(), b.quantization(), b.contextLength(),
                b.maxCompletionTokens()));
        return new Dtos.Single<>(CatalogDtos.EndpointAdminView.of(saved));
    }

    @DELETE
    @Path("/catalog/models/{author}/{slug}/endpoints/{provider}")
    public Response removeEndpoint(@PathParam("author") String author, @PathParam("slug") String slug,
            @PathParam("provider") String provider) {
        requirePlatformAdmin();
        removeEndpoint.remove(author + "/" + slug, provider);
        return Response.noContent().build();
    }

    private void requirePlatformAdmin() {
        if (!Caller.isPlatformAdmin(caller)) {
            throw ApiException.forbidden("Only platform admins may edit the catalogue");
        }
    }
}
