package dev.atrium.guardrail.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.error.ApiException;
import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.application.port.in.FindPolicyQuery;
import dev.atrium.guardrail.application.port.in.FindTenancyQuery;
import dev.atrium.guardrail.application.port.in.ListRevisionsQuery;
import dev.atrium.guardrail.application.port.in.ListRevisionsQuery.RevisionsRequest;
import dev.atrium.guardrail.application.port.in.SetPolicyUseCase;
import dev.atrium.guardrail.application.port.in.SetPolicyUseCase.SetPolicyCommand;
import dev.atrium.guardrail.application.port.in.ViewEffectivePolicyQuery;
import dev.atrium.guardrail.application.port.in.ViewKeySpendQuery;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.guardrail.api.KeySpends;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** Policies at organization (the ceiling), workspace, member and key level, their effective merge and history. */
@Path("/api/v1")
@Authenticated
class GuardrailResource {

    private static final int MAX_KEYS = 100;

    private final SetPolicyUseCase setPolicy;
    private final FindPolicyQuery findPolicy;
    private final ViewEffectivePolicyQuery effectivePolicy;
    private final ListRevisionsQuery listRevisions;
    private final FindTenancyQuery tenancy;
    private final TenantGuard guard;
    private final SecurityIdentity caller;
    private final ViewKeySpendQuery keySpend;

    GuardrailResource(SetPolicyUseCase setPolicy, FindPolicyQuery findPolicy, ViewEffectivePolicyQuery effectivePolicy,
            ListRevisionsQuery listRevisions, FindTenancyQuery tenancy, TenantGuard guard, SecurityIdentity caller,
            ViewKeySpendQuery keySpend) {
        this.keySpend = keySpend;
        this.setPolicy = setPolicy;
        this.findPolicy = findPolicy;
        this.effectivePolicy = effectivePolicy;
        this.listRevisions = listRevisions;
        this.tenancy = tenancy;
        this.guard = guard;
        this.caller = caller;
    }

    @PUT
    @Path("/organizations/{org}/guardrails")
    public Dtos.PolicyView putOrganization(@PathParam("org") String org, JsonNode body) {
        guard.organizationAdmin(caller, org);
        var stored = setPolicy.set(SetPolicyCommand.organization(org, PolicyBody.read(body), Caller.userId(caller)));
        return Dtos.PolicyView.of(stored, org);
    }

    @GET
    @Path("/organizations/{org}/guardrails")
    public Dtos.PolicyView getOrganization(@PathParam("org") String org) {
        guard.organizationReader(caller, org);
        return Dtos.PolicyView.of(findPolicy.policy(PolicyScope.organization(org)), org);
    }

    @PUT
    @Path("/workspaces/{ws}/guardrails")
    public Dtos.PolicyView putWorkspace(@PathParam("ws") String ws, JsonNode body) {
        KnownWorkspace workspace = guard.workspaceAdmin(caller, ws);
        var stored = setPolicy.set(SetPolicyCommand.workspace(workspace.organizationId(), ws,
                PolicyBody.read(body), Caller.userId(caller)));
        return Dtos.PolicyView.of(stored, workspace.organizationId());
    }

    @GET
    @Path("/workspaces/{ws}/guardrails")
    public Dtos.PolicyView getWorkspace(@PathParam("ws") String ws) {
        KnownWorkspace workspace = guard.workspaceReader(caller, ws);
        return Dtos.PolicyView.of(findPolicy.policy(PolicyScope.workspace(ws)), workspace.organizationId());
    }

    @PUT
    @Path("/workspaces/{ws}/members/{user}/guardrails")
    public Dtos.PolicyView putMember(@PathParam("ws") String ws, @PathParam("user") String user, JsonNode body) {
        KnownWorkspace workspace = guard.workspaceAdmin(caller, ws);
        memberScope(ws, user);
        var stored = setPolicy.set(SetPolicyCommand.member(workspace.organizationId(), ws, user,
                PolicyBody.read(body), Caller.userId(caller)));
        return Dtos.PolicyView.ofMember(stored, workspace.organizationId(), ws, user);
    }

    @GET
    @Path("/workspaces/{ws}/members/{user}/guardrails")
    public Dtos.PolicyView getMember(@PathParam("ws") String ws, @PathParam("user") String user) {
        KnownWorkspace workspace = guard.workspaceReader(caller, ws);
        return Dtos.PolicyView.ofMember(findPolicy.policy(memberScope(ws, user)), workspace.organizationId(), ws,
                user);
    }

    @PUT
    @Path("/workspaces/{ws}/keys/{key}/guardrails")
    public Dtos.PolicyView putKey(@PathParam("ws") String ws, @PathParam("key") String key, JsonNode body) {
        KnownWorkspace workspace = guard.workspaceAdmin(caller, ws);
        knownKey(ws, key);
        var stored = setPolicy.set(SetPolicyCommand.key(workspace.organizationId(), ws, key,
                PolicyBody.read(body), Caller.userId(caller)));
        return Dtos.PolicyView.ofKey(stored, workspace.organizationId(), ws);
    }

    @GET
    @Path("/workspaces/{ws}/keys/{key}/guardrails")
    public Dtos.PolicyView getKey(@PathParam("ws") String ws, @PathParam("key") String key) {
        KnownWorkspace workspace = guard.workspaceReader(caller, ws);
        knownKey(ws, key);
        return Dtos.PolicyView.ofKey(findPolicy.policy(PolicyScope.key(key)), workspace.organizationId(), ws);
    }

    /**
     * A key's spend now (total and per window) and what its limit leaves, for those who may read the workspace:
     * what OpenRouter's key listing answers as {@code usage} and {@code limit_remaining}.
     */
    @GET
    @Path("/workspaces/{ws}/keys/{key}/spend")
    public KeySpend getKeySpend(@PathParam("ws") String ws, @PathParam("key") String key) {
        guard.workspaceReader(caller, ws);
        knownKey(ws, key);
        return InternalResource.view(keySpend.spend(key));
    }

    /**
     * Several keys' spend in one call, BYOK apart (OpenRouter's {@code byok_usage*}): what a key listing answers
     * for a page of keys. {@code key} repeats, at most 100 times; a key the guardrail does not know in this
     * workspace (not issued there, or not learnt from workspace events yet) is left out of the answer.
     */
    @GET
    @Path("/workspaces/{ws}/keys/spend")
    public KeySpends getKeysSpend(@PathParam("ws") String ws, @QueryParam("key") List<String> keys) {
        guard.workspaceReader(caller, ws);
        if (keys == null || keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw ApiException.badRequest("key", "Name 1 to " + MAX_KEYS + " keys, each as a key query parameter");
        }
        return new KeySpends(keySpend.spend(ws, keys).stream().map(InternalResource::view).toList());
    }

    @GET
    @Path("/workspaces/{ws}/guardrails/effective")
    public Dtos.EffectiveView effective(@PathParam("ws") String ws, @QueryParam("key") String key) {
        KnownWorkspace workspace = guard.workspaceReader(caller, ws);
        if (key != null) {
            knownKey(ws, key);
        }
        return Dtos.EffectiveView.of(ws, key, effectivePolicy.effective(workspace.organizationId(), ws, key));
    }

    @GET
    @Path("/workspaces/{ws}/guardrails/revisions")
    public Dtos.RevisionList revisions(@PathParam("ws") String ws, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        KnownWorkspace workspace = guard.workspaceReader(caller, ws);
        var page = listRevisions.revisions(RevisionsRequest.of(workspace.organizationId(), ws, cursor, limit));
        return new Dtos.RevisionList(page.revisions().stream().map(Dtos.RevisionView::of).toList(),
                page.nextCursor());
    }

    /** Keys are known from workspace events; one of another workspace is as unknown as a missing one. */
    private void knownKey(String ws, String key) {
        if (tenancy.key(key).filter(k -> k.workspaceId().equals(ws)).isEmpty()) {
            throw ApiException.notFound("Key " + key + " not found in workspace " + ws);
        }
    }

    private static PolicyScope memberScope(String ws, String user) {
        if (user.isBlank() || user.length() > 255) {
            throw ApiException.badRequest("user", "user must have 1 to 255 characters");
        }
        return PolicyScope.member(ws, user);
    }
}
