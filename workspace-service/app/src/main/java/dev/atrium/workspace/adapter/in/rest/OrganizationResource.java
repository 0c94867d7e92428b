package dev.atrium.workspace.adapter.in.rest;

import dev.atrium.common.security.Caller;
import dev.atrium.workspace.application.port.in.CreateOrganizationUseCase;
import dev.atrium.workspace.application.port.in.CreateOrganizationUseCase.CreateOrganizationCommand;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("/api/v1")
class OrganizationResource {

    private final CreateOrganizationUseCase createOrganization;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    OrganizationResource(CreateOrganizationUseCase createOrganization, TenantGuard guard, SecurityIdentity caller) {
        this.createOrganization = createOrganization;
        this.guard = guard;
        this.caller = caller;
    }

    @POST
    @Path("/organizations")
    @RolesAllowed(Caller.PLATFORM_ADMIN)
    public Response create(Dtos.CreateOrganization body) {
        var organization = createOrganization.create(CreateOrganizationCommand.of(
                body == null ? null : body.name(), body == null ? null : body.slug()));
        return Response.created(URI.create("/api/v1/organizations/" + organization.id()))
                .entity(Dtos.OrganizationView.of(organization)).build();
    }

    @GET
    @Path("/organizations/{org}")
    @Authenticated
    public Dtos.OrganizationView get(@PathParam("org") String org) {
        return Dtos.OrganizationView.of(guard.organizationReader(caller, org));
    }
}
