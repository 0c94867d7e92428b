package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.application.port.in.FindGenerationQuery;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("/api/v1")
@Authenticated
class GenerationResource {

    private final FindGenerationQuery generations;
    private final SecurityIdentity caller;
    private final TenantGuard guard;

    GenerationResource(FindGenerationQuery generations, SecurityIdentity caller, TenantGuard guard) {
        this.guard = guard;
        this.generations = generations;
        this.caller = caller;
    }

    /** 404 until the generation's usage record has been booked, and for callers outside its tenant. */
    @GET
    @Path("/generations/{id}")
    public Dtos.Data<Dtos.GenerationData> generation(@PathParam("id") String id) {
        var generation = generations.generation(id).orElseThrow(() -> TenantGuard.generationNotFound(id));
        return new Dtos.Data<>(Dtos.GenerationData.of(guard.generationReader(caller, generation)));
    }
}
