package dev.atrium.workspace.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.common.security.Caller;
import dev.atrium.workspace.application.port.in.CreateOrganizationUseCase;
import dev.atrium.workspace.application.port.in.CreateOrganizationUseCase.CreateOrganizationCommand;
import dev.atrium.workspace.application.port.in.RenameOrganizationUseCase;
import dev.atrium.workspace.application.port.in.RenameOrganizationUseCase.RenameOrganizationCommand;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/v1")
class OrganizationResource {

    private final CreateOrganizationUseCase createOrganization;
    private final RenameOrganizationUseCase renameOrganization;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    OrganizationResource(CreateOrganizationUseCase createOrganization, RenameOrganizationUseCase renameOrganization,
            TenantGuard guard, SecurityIdentity caller) {
        this.createOrganization = createOrganization;
        this.renameOrganization = renameOrganization;
        this.guard = guard;
        this.caller = caller;
    }

    @Operation(summary = "Create an organization (platform admins)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"name\":\"Acme\",\"slug\":\"acme\"}")))
    @POST
    @Path("/organizations")
    @RolesAllowed(Caller.PLATFORM_ADMIN)
    public Response createOrganization(Dtos.CreateOrganization body) {
        var organization = createOrganization.create(CreateOrganizationCommand.of(
                body == null ? null : body.name(), body == null ? null : body.slug()));
        return Response.created(URI.create("/api/v1/organizations/" + organization.id()))
                .entity(Dtos.OrganizationView.of(organization)).build();
    }

    /**
     * A management key sees its own organization only; the gateway's OpenRouter routes, which name no
     * organization, find the caller's here.
     */
    @Operation(summary = "List the organizations the caller holds a role in")
    @GET
    @Path("/organizations")
    @Authenticated
    public Dtos.ListView<Dtos.OrganizationView> listOrganizations() {
        return new Dtos.ListView<>(guard.organizations(caller).stream().map(Dtos.OrganizationView::of).toList(), null);
    }

    @Operation(summary = "Read an organization")
    @GET
    @Path("/organizations/{org}")
    @Authenticated
    public Dtos.OrganizationView getOrganization(@PathParam("org") String org) {
        return Dtos.OrganizationView.of(guard.organizationReader(caller, org));
    }

    /** Renames; the slug stays, since other systems may address the organization by it. */
    @Operation(summary = "Rename an organization (its slug stays)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example",
            value = "{\"name\":\"Acme Corp\"}")))
    @PATCH
    @Path("/organizations/{org}")
    @Authenticated
    public Dtos.OrganizationView renameOrganization(@PathParam("org") String org, JsonNode body) {
        guard.organizationAdmin(caller, org);
        var name = PatchBody.of(body, "name").text("name");
        if (!name.present()) {
            throw new InvalidFieldException("name", "name is required");
        }
        return Dtos.OrganizationView.of(renameOrganization.rename(RenameOrganizationCommand.of(org, name.value())));
    }
}
