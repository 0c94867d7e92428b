package dev.atrium.guardrail.adapter.in.rest;

import dev.atrium.common.security.Caller;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase;
import dev.atrium.guardrail.application.port.in.CheckPolicyUseCase.CheckCommand;
import dev.atrium.guardrail.application.port.in.ViewKeySpendQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The gateway's calls: only service tokens may make them. */
@Path("/internal/v1")
@RolesAllowed(Caller.SERVICE)
class InternalResource {

    private final CheckPolicyUseCase checkPolicy;
    private final ViewKeySpendQuery keySpend;

    InternalResource(CheckPolicyUseCase checkPolicy, ViewKeySpendQuery keySpend) {
        this.checkPolicy = checkPolicy;
        this.keySpend = keySpend;
    }

    /** Always 200: a denial is an answer, carrying the status the gateway should give its client. */
    @POST
    @Path("/checks")
    public CheckResult check(CheckRequest request) {
        return checkPolicy.check(CheckCommand.of(request));
    }

    @GET
    @Path("/keys/{key}/spend")
    public KeySpend spend(@PathParam("key") String key) {
        var s = keySpend.spend(key);
        return new KeySpend(s.keyId(), s.usage().total(), s.usage().daily(), s.usage().weekly(), s.usage().monthly(),
                s.limit(), s.limitRemaining(), s.limitReset() == null ? null : s.limitReset().wire());
    }
}
