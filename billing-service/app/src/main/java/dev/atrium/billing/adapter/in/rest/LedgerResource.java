package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.application.port.in.CheckLedgerQuery;
import dev.atrium.billing.application.port.in.FindBalanceQuery;
import dev.atrium.billing.application.port.in.ListLedgerQuery;
import dev.atrium.billing.application.port.in.ListLedgerQuery.LedgerPageRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

@Path("/api/v1")
@Authenticated
class LedgerResource {

    private final FindBalanceQuery balances;
    private final ListLedgerQuery ledger;
    private final CheckLedgerQuery invariants;
    private final SecurityIdentity caller;
    private final TenantGuard guard;

    LedgerResource(FindBalanceQuery balances, ListLedgerQuery ledger, CheckLedgerQuery invariants,
            SecurityIdentity caller, TenantGuard guard) {
        this.guard = guard;
        this.balances = balances;
        this.ledger = ledger;
        this.invariants = invariants;
        this.caller = caller;
    }

    @GET
    @Path("/organizations/{org}/balance")
    public Dtos.BalanceView balance(@PathParam("org") String org) {
        guard.billingReader(caller, org);
        return Dtos.BalanceView.of(balances.balance(org));
    }

    @GET
    @Path("/organizations/{org}/ledger")
    public Dtos.Page<Dtos.LedgerEntryView> ledger(@PathParam("org") String org, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        guard.billingReader(caller, org);
        var page = ledger.list(LedgerPageRequest.of(org, limit, cursor));
        return new Dtos.Page<>(page.entries().stream().map(Dtos.LedgerEntryView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/organizations/{org}/invariants")
    public Dtos.InvariantsView invariants(@PathParam("org") String org) {
        guard.billingReader(caller, org);
        return Dtos.InvariantsView.of(invariants.check(org));
    }
}
