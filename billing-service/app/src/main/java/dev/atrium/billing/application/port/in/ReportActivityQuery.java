package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.ActivityLine;
import dev.atrium.billing.domain.UsagePeriod;
import dev.atrium.billing.domain.UsageScope;
import dev.atrium.common.error.InvalidFieldException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/** A workspace's usage by day, model and provider: what the gateway's {@code GET /api/v1/activity} shows. */
public interface ReportActivityQuery {

    List<ActivityLine> activity(ActivityRequest request);

    record ActivityRequest(UsageScope scope, UsagePeriod period) {

        public ActivityRequest {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(period, "period");
        }

        /** Both dates are required here: the gateway chooses the window. */
        public static ActivityRequest of(String organizationId, String workspaceId, String from, String to) {
            LocalDate start = date("from", from);
            LocalDate end = date("to", to);
            try {
                return new ActivityRequest(new UsageScope(organizationId, workspaceId), new UsagePeriod(start, end));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("to", e.getMessage());
            }
        }

        private static LocalDate date(String field, String text) {
            if (text == null) {
                throw new InvalidFieldException(field, field + " is required, a date like 2026-11-01");
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException(field, field + " must be a date like 2026-11-01");
            }
        }
    }
}
