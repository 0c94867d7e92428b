package dev.atrium.billing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /internal/v1/organizations/{org}/workspaces/{ws}/activity?from=&to=}: a workspace's
 * generations by UTC day, model and provider, from (inclusive) to (exclusive).
 */
public record WorkspaceActivity(String organizationId, String workspaceId, LocalDate from, LocalDate to,
        List<Row> data) {

    public WorkspaceActivity {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /**
     * @param cost     what the upstream providers charged, BYOK generations included
     * @param byokCost the part of {@code cost} the workspace's own provider keys paid
     * @param byokFee  the fees on those BYOK generations
     * @param charged  what the organization's credits were debited
     */
    public record Row(LocalDate date, String model, String provider, long requests, long promptTokens,
            long completionTokens, BigDecimal cost, BigDecimal byokCost, BigDecimal byokFee, BigDecimal charged) {
    }
}
