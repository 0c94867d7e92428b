package dev.atrium.billing.domain;

import java.util.List;

/** Usage of one organization over a period, grouped, with the total of all groups. */
public record UsageReport(String organizationId, UsagePeriod period, UsageGrouping grouping, List<UsageRow> rows,
        UsageRow total) {

    public static UsageReport of(String organizationId, UsagePeriod period, UsageGrouping grouping,
            List<UsageRow> rows) {
        UsageRow total = UsageRow.none(null);
        for (UsageRow r : rows) {
            total = total.plus(r);
        }
        return new UsageReport(organizationId, period, grouping, List.copyOf(rows), total);
    }
}
