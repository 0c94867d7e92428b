package dev.atrium.gateway.application.port.in;

import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.GenerationView;
import dev.atrium.billing.api.WorkspaceActivity;
import dev.atrium.guardrail.api.KeyDataRegions;
import dev.atrium.guardrail.api.KeySpend;
import dev.atrium.workspace.api.KeyContext;
import io.smallrye.mutiny.Uni;

/** {@code GET /api/v1/key}, {@code /generation}, {@code /credits} and {@code /activity}, for the caller's own key. */
public interface ReadKeyAccountQuery {

    Uni<KeyAccount> key(String apiKey);

    /** Only a generation of the key's own workspace; otherwise 404. */
    Uni<GenerationView> generation(String apiKey, String generationId);

    /** The credits of the key's organization: its workspaces share them. */
    Uni<CreditTotals> credits(String apiKey);

    /**
     * The key's workspace's usage by day, model and provider: of {@code date} (yyyy-mm-dd, UTC) when
     * given, otherwise of the last 30 UTC days, today included.
     */
    Uni<WorkspaceActivity> activity(String apiKey, String date);

    record KeyAccount(KeyContext key, KeySpend spend, KeyDataRegions regions) {
    }
}
