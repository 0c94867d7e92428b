package dev.atrium.billing.domain;

import java.math.BigDecimal;
import java.util.List;

/** Usage of one organization over a period, grouped, with the total of all groups. */
public record UsageReport(String organizationId, UsagePeriod period, UsageGrouping grouping, List<UsageRow> rows,
        UsageRow total) {

    public static UsageReport of(String organizationId, UsagePeriod period, UsageGrouping grouping,
            List<UsageRow> rows) {
        long requests = 0;
        long prompt = 0;
        long completion = 0;
        BigDecimal cost = Money.ZERO;
        for (UsageRow r : rows) {
            requests += r.requests();
            prompt += r.promptTokens();
            completion += r.completionTokens();
            cost = cost.add(r.cost());
        }
        return new UsageReport(organizationId, period, grouping, List.copyOf(rows),
                new UsageRow(null, requests, prompt, completion, Money.of(cost)));
    }
}
