package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.KnownWorkspace;
import dev.atrium.billing.domain.Statement;
import dev.atrium.billing.domain.UsageScope;
import dev.atrium.common.error.InvalidFieldException;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** A workspace's monthly statement. */
public interface ProduceStatementQuery {

    Statement statement(StatementRequest request);

    record StatementRequest(UsageScope scope, YearMonth month) {

        private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

        /** @param month {@code yyyy-mm}, a UTC calendar month */
        public static StatementRequest of(KnownWorkspace workspace, String month) {
            if (month == null || !MONTH.matcher(month).matches()) {
                throw new InvalidFieldException("month", "month must be a calendar month like 2026-11");
            }
            return new StatementRequest(UsageScope.workspace(workspace), YearMonth.parse(month));
        }
    }
}
