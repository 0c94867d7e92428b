package dev.atrium.gateway.adapter.in.rest.management;

import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.WorkspaceActivity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** billing-service's published reports, called with the caller's own Authorization header. */
@RegisterRestClient(configKey = "billing-service")
@Path("/api/v1")
public interface BillingServiceApi {

    @GET
    @Path("/organizations/{org}/credits")
    Uni<CreditTotals> credits(@HeaderParam(WorkspaceServiceApi.AUTH) String auth, @PathParam("org") String org);

    @GET
    @Path("/organizations/{org}/workspaces/{ws}/activity")
    Uni<WorkspaceActivity> activity(@HeaderParam(WorkspaceServiceApi.AUTH) String auth, @PathParam("org") String org,
            @PathParam("ws") String ws, @QueryParam("from") String from, @QueryParam("to") String to);
}
