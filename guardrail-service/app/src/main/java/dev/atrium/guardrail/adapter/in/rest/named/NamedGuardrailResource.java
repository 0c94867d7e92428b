package dev.atrium.guardrail.adapter.in.rest.named;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.adapter.in.rest.TenantGuard;
import dev.atrium.guardrail.adapter.in.rest.named.GuardrailDtos.Assigned;
import dev.atrium.guardrail.adapter.in.rest.named.GuardrailDtos.Data;
import dev.atrium.guardrail.adapter.in.rest.named.GuardrailDtos.Deleted;
import dev.atrium.guardrail.adapter.in.rest.named.GuardrailDtos.Guardrail;
import dev.atrium.guardrail.adapter.in.rest.named.GuardrailDtos.KeyAssignmentView;
import dev.atrium.guardrail.adapter.in.rest.named.GuardrailDtos.Listed;
import dev.atrium.guardrail.adapter.in.rest.named.GuardrailDtos.MemberAssignmentView;
import dev.atrium.guardrail.adapter.in.rest.named.GuardrailDtos.Unassigned;
import dev.atrium.guardrail.application.named.FindNamedGuardrailsQuery;
import dev.atrium.guardrail.application.named.FindNamedGuardrailsQuery.Paging;
import dev.atrium.guardrail.application.named.ManageNamedGuardrailsUseCase;
import dev.atrium.guardrail.application.named.ManageNamedGuardrailsUseCase.BulkCommand;
import dev.atrium.guardrail.application.named.ManageNamedGuardrailsUseCase.CreateCommand;
import dev.atrium.guardrail.domain.named.GuardrailRules;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.Set;

/**
 * Named guardrails of an organization in OpenRouter's shapes, so the gateway's {@code /api/v1/guardrails}
 * routes forward here with a path rewrite only (/work/wt/CONTRACT-guardrails.md, docs/adr). The ceiling keeps
 * {@code /organizations/{org}/guardrails}, hence {@code named-guardrails}. Organization admins manage,
 * admins and billing read, anyone else meets 404.
 */
@Path("/api/v1/organizations/{org}/named-guardrails")
@Authenticated
class NamedGuardrailResource {

    private static final Set<String> CREATE_FIELDS = withWorkspace();
    private static final String KEYS = "key_hashes";
    private static final String MEMBERS = "member_user_ids";

    private final ManageNamedGuardrailsUseCase manage;
    private final FindNamedGuardrailsQuery find;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    NamedGuardrailResource(ManageNamedGuardrailsUseCase manage, FindNamedGuardrailsQuery find, TenantGuard guard,
            SecurityIdentity caller) {
        this.manage = manage;
        this.find = find;
        this.guard = guard;
        this.caller = caller;
    }

    @GET
    public Listed<Guardrail> listGuardrails(@PathParam("org") String org, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("workspace_id") String workspaceId) {
        guard.organizationReader(caller, org);
        return Listed.of(find.list(org, workspaceId, Paging.of(offset, limit)), Guardrail::of);
    }

    @POST
    public Response createGuardrail(@PathParam("org") String org, JsonNode body) {
        guard.organizationAdmin(caller, org);
        GuardrailBody b = GuardrailBody.of(body, CREATE_FIELDS);
        var created = manage.create(new CreateCommand(org, b.text("workspace_id"), b.name(null), b.description(null),
                b.rules(GuardrailRules.NONE), Caller.userId(caller)));
        return Response.status(Response.Status.CREATED).entity(new Data<>(Guardrail.of(created))).build();
    }

    @GET
    @Path("/{id}")
    public Data<Guardrail> getGuardrail(@PathParam("org") String org, @PathParam("id") String id) {
        guard.organizationReader(caller, org);
        return new Data<>(Guardrail.of(find.guardrail(org, id)));
    }

    @PATCH
    @Path("/{id}")
    public Data<Guardrail> updateGuardrail(@PathParam("org") String org, @PathParam("id") String id, JsonNode body) {
        guard.organizationAdmin(caller, org);
        GuardrailBody b = GuardrailBody.of(body, GuardrailBody.RULE_FIELDS);
        var updated = manage.update(org, id, current -> current.revise(b.name(current.name()),
                b.description(current.description()), b.rules(current.rules()), current.updatedAt()));
        return new Data<>(Guardrail.of(updated));
    }

    @DELETE
    @Path("/{id}")
    public Deleted deleteGuardrail(@PathParam("org") String org, @PathParam("id") String id) {
        guard.organizationAdmin(caller, org);
        manage.delete(org, id);
        return new Deleted(true);
    }

    @GET
    @Path("/assignments/keys")
    public Listed<KeyAssignmentView> listKeyAssignments(@PathParam("org") String org,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        guard.organizationReader(caller, org);
        return Listed.of(find.keyAssignments(org, null, Paging.of(offset, limit)), KeyAssignmentView::of);
    }

    @GET
    @Path("/assignments/members")
    public Listed<MemberAssignmentView> listMemberAssignments(@PathParam("org") String org,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        guard.organizationReader(caller, org);
        return Listed.of(find.memberAssignments(org, null, Paging.of(offset, limit)), MemberAssignmentView::of);
    }

    @GET
    @Path("/{id}/assignments/keys")
    public Listed<KeyAssignmentView> listGuardrailKeyAssignments(@PathParam("org") String org,
            @PathParam("id") String id, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        guard.organizationReader(caller, org);
        return Listed.of(find.keyAssignments(org, id, Paging.of(offset, limit)), KeyAssignmentView::of);
    }

    @GET
    @Path("/{id}/assignments/members")
    public Listed<MemberAssignmentView> listGuardrailMemberAssignments(@PathParam("org") String org,
            @PathParam("id") String id, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        guard.organizationReader(caller, org);
        return Listed.of(find.memberAssignments(org, id, Paging.of(offset, limit)), MemberAssignmentView::of);
    }

    @POST
    @Path("/{id}/assignments/keys")
    public Assigned bulkAssignKeys(@PathParam("org") String org, @PathParam("id") String id, JsonNode body) {
        return new Assigned(manage.assignKeys(bulk(org, id, body, KEYS)));
    }

    @POST
    @Path("/{id}/assignments/keys/remove")
    public Unassigned bulkUnassignKeys(@PathParam("org") String org, @PathParam("id") String id, JsonNode body) {
        return new Unassigned(manage.unassignKeys(bulk(org, id, body, KEYS)));
    }

    @POST
    @Path("/{id}/assignments/members")
    public Assigned bulkAssignMembers(@PathParam("org") String org, @PathParam("id") String id, JsonNode body) {
        return new Assigned(manage.assignMembers(bulk(org, id, body, MEMBERS)));
    }

    @POST
    @Path("/{id}/assignments/members/remove")
    public Unassigned bulkUnassignMembers(@PathParam("org") String org, @PathParam("id") String id, JsonNode body) {
        return new Unassigned(manage.unassignMembers(bulk(org, id, body, MEMBERS)));
    }

    private BulkCommand bulk(String org, String id, JsonNode body, String field) {
        guard.organizationAdmin(caller, org);
        return new BulkCommand(org, id, GuardrailBody.ids(body, field), field, Caller.userId(caller));
    }

    private static Set<String> withWorkspace() {
        Set<String> fields = new HashSet<>(GuardrailBody.RULE_FIELDS);
        fields.add("workspace_id");
        return Set.copyOf(fields);
    }
}
