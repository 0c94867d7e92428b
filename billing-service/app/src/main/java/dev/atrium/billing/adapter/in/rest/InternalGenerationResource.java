package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.api.GenerationView;
import dev.atrium.billing.application.port.in.FindGenerationQuery;
import dev.atrium.billing.domain.Generation;
import dev.atrium.common.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The gateway's {@code GET /api/v1/generation?id=} asks here; it checks the key's tenant itself. */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalGenerationResource {

    private final FindGenerationQuery generations;

    InternalGenerationResource(FindGenerationQuery generations) {
        this.generations = generations;
    }

    @GET
    @Path("/generations/{id}")
    public GenerationView internalGeneration(@PathParam("id") String id) {
        return generations.generation(id).map(InternalGenerationResource::toView)
                .orElseThrow(() -> TenantGuard.generationNotFound(id));
    }

    private static GenerationView toView(Generation g) {
        return new GenerationView(g.id(), g.organizationId(), g.model(), g.provider(), g.tokensPrompt(),
                g.tokensCompletion(), Dtos.money(g.cost()), g.latencyMs(), g.workspaceId(), g.keyId(),
                g.policyRevision(), g.createdAt(), g.byok(), Dtos.money(g.byokFee()));
    }
}
