package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.application.port.in.AddCreditsUseCase;
import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.common.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

@Path("/api/v1")
class CreditResource {

    private final AddCreditsUseCase addCredits;
    private final SecurityIdentity caller;

    CreditResource(AddCreditsUseCase addCredits, SecurityIdentity caller) {
        this.addCredits = addCredits;
        this.caller = caller;
    }

    /** Organizations need not be known here: billing opens their accounts on first use. */
    @POST
    @Path("/organizations/{org}/credits")
    @RolesAllowed(Caller.PLATFORM_ADMIN)
    public Response add(@PathParam("org") String org,
            @HeaderParam(AddCreditsUseCase.IDEMPOTENCY_HEADER) String idempotencyKey, Dtos.AddCredits body) {
        Dtos.AddCredits b = body == null ? new Dtos.AddCredits(null, null, null, null) : body;
        var outcome = addCredits.add(AddCreditsCommand.of(org, idempotencyKey, b.amount(), b.currency(), b.kind(),
                b.note(), Caller.userId(caller)));
        Response.ResponseBuilder answer = Response.status(outcome.status()).entity(Dtos.CreditView.of(outcome.receipt()));
        if (outcome.replayed()) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.build();
    }
}
