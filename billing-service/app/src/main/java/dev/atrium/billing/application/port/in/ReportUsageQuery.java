package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.UsageGrouping;
import dev.atrium.billing.domain.UsagePeriod;
import dev.atrium.billing.domain.UsageReport;
import dev.atrium.billing.domain.UsageScope;
import dev.atrium.common.error.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

public interface ReportUsageQuery {

    UsageReport report(UsageReportRequest request);

    record UsageReportRequest(UsageScope scope, UsagePeriod period, UsageGrouping grouping) {

        public static UsageReportRequest of(String organizationId, String from, String to, String groupBy,
                Instant now) {
            return of(UsageScope.organization(organizationId), from, to, groupBy, now);
        }

        /** Absent dates default to the current UTC month, an absent grouping to {@code model}. */
        public static UsageReportRequest of(UsageScope scope, String from, String to, String groupBy, Instant now) {
            UsagePeriod month = UsagePeriod.monthOf(now);
            LocalDate start = from == null ? month.from() : date("from", from);
            LocalDate end = to == null ? month.to() : date("to", to);
            UsagePeriod period;
            try {
                period = new UsagePeriod(start, end);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("to", e.getMessage());
            }
            UsageGrouping grouping;
            try {
                grouping = groupBy == null ? UsageGrouping.MODEL : UsageGrouping.parse(groupBy);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("group_by", e.getMessage());
            }
            return new UsageReportRequest(scope, period, grouping);
        }

        private static LocalDate date(String field, String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException(field, field + " must be a date like 2026-11-01");
            }
        }
    }
}
