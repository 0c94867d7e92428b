package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.application.port.in.ListGenerationsQuery;
import dev.atrium.billing.application.port.in.ListGenerationsQuery.GenerationLogRequest;
import dev.atrium.billing.application.port.in.ListGenerationsQuery.GenerationPage;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.UsageScope;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A workspace's generations log, newest first: each generation as {@code GET /generations/{id}} shows it,
 * filtered by model, key and UTC days, a page at a time; as CSV for the page asked.
 */
@Path("/api/v1")
@Authenticated
class GenerationLogResource {

    private static final String CSV_HEADER = "id,created_at,model,provider_name,key_id,tokens_prompt,"
            + "tokens_completion,total_cost,is_byok,byok_fee,charged,latency,policy_revision\r\n";

    private final ListGenerationsQuery generations;
    private final TenantGuard guard;
    private final SecurityIdentity caller;

    GenerationLogResource(ListGenerationsQuery generations, TenantGuard guard, SecurityIdentity caller) {
        this.generations = generations;
        this.guard = guard;
        this.caller = caller;
    }

    @Operation(summary = "List a workspace's generations, newest first, filtered by model, key and days")
    @GET
    @Path("/workspaces/{ws}/generations")
    public Response listGenerations(@PathParam("ws") String ws, @QueryParam("model") String model,
            @QueryParam("key") String key, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("format") String format) {
        boolean csv = UsageResource.csv(format);
        var workspace = guard.workspaceReader(caller, ws);
        GenerationPage page = generations.list(GenerationLogRequest.of(UsageScope.workspace(workspace), model, key,
                from, to, cursor, limit));
        if (csv) {
            StringBuilder out = new StringBuilder(CSV_HEADER);
            page.generations().forEach(g -> line(out, g));
            return Response.ok(out.toString(), "text/csv")
                    .header("Content-Disposition", "attachment; filename=\"generations-" + ws + ".csv\"").build();
        }
        return Response.ok(new Dtos.Page<>(page.generations().stream().map(Dtos.GenerationData::of).toList(),
                page.nextCursor()), MediaType.APPLICATION_JSON).build();
    }

    private static void line(StringBuilder out, Generation g) {
        out.append(UsageViews.field(g.id())).append(',').append(g.createdAt()).append(',')
                .append(UsageViews.field(g.model())).append(',').append(UsageViews.field(g.provider())).append(',')
                .append(UsageViews.field(g.keyId())).append(',').append(g.tokensPrompt()).append(',')
                .append(g.tokensCompletion()).append(',').append(Dtos.money(g.cost()).toPlainString()).append(',')
                .append(g.byok()).append(',')
                .append(g.byokFee() == null ? "" : Dtos.money(g.byokFee()).toPlainString()).append(',')
                .append(Dtos.money(g.charge()).toPlainString()).append(',').append(g.latencyMs()).append(',')
                .append(UsageViews.field(g.policyRevision())).append("\r\n");
    }
}
