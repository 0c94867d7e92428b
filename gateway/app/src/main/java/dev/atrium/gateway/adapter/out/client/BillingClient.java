package dev.atrium.gateway.adapter.out.client;

import static dev.atrium.gateway.adapter.out.client.InternalCalls.unavailable;

import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.GenerationView;
import dev.atrium.billing.api.WorkspaceActivity;
import dev.atrium.gateway.application.port.out.AccountReader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;

/** billing-service's internal routes: an organization's credits and activity, one generation's record. */
@ApplicationScoped
class BillingClient implements AccountReader {

    private static final String SERVICE = "billing-service";

    private final InternalCalls calls;
    private final String url;

    BillingClient(InternalCalls calls) {
        this.calls = calls;
        this.url = calls.config().billingUrl() + "/internal/v1";
    }

    @Override
    public Uni<CreditTotals> credits(String organizationId) {
        return calls.get(url + "/organizations/" + organizationId + "/credits")
                .map(response -> calls.ok(SERVICE, response, CreditTotals.class));
    }

    @Override
    public Uni<WorkspaceActivity> activity(String organizationId, String workspaceId, LocalDate from, LocalDate to) {
        return calls.get(url + "/organizations/" + organizationId + "/workspaces/" + workspaceId
                + "/activity?from=" + from + "&to=" + to)
                .map(response -> calls.ok(SERVICE, response, WorkspaceActivity.class));
    }

    @Override
    public Uni<Optional<GenerationView>> generation(String generationId) {
        if (!generationId.matches("[A-Za-z0-9_-]{1,64}")) {
            return Uni.createFrom().item(Optional.empty());
        }
        return calls.get(url + "/generations/" + generationId)
                .map(response -> switch (response.statusCode()) {
                    case 200 -> Optional.of(calls.read(response, GenerationView.class));
                    case 404 -> Optional.<GenerationView>empty();
                    default -> throw unavailable(SERVICE, response);
                });
    }
}
