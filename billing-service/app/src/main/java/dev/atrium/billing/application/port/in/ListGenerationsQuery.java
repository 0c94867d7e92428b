package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.GenerationCursor;
import dev.atrium.billing.domain.UsageScope;
import dev.atrium.common.error.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The generations log: one workspace's generations, newest first, filtered, a page at a time. */
public interface ListGenerationsQuery {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    GenerationPage list(GenerationLogRequest request);

    /**
     * @param model  only this model; null for every model
     * @param keyId  only this API key's; null for every key
     * @param from   only generations at or after it; null for no bound
     * @param to     only generations before it; null for no bound
     * @param after  only generations after this cursor in the log's order; null for the newest
     */
    record GenerationLogRequest(UsageScope scope, String model, String keyId, Instant from, Instant to,
            GenerationCursor after, int limit) {

        /** Dates are UTC days: {@code from} inclusive, {@code to} exclusive, as in the usage reports. */
        public static GenerationLogRequest of(UsageScope scope, String model, String keyId, String from, String to,
                String cursor, String limit) {
            Instant start = from == null || from.isBlank() ? null : day("from", from);
            Instant end = to == null || to.isBlank() ? null : day("to", to);
            if (start != null && end != null && !end.isAfter(start)) {
                throw new InvalidFieldException("to", "to must be after from");
            }
            GenerationCursor after = null;
            if (cursor != null) {
                try {
                    after = GenerationCursor.decode(cursor);
                } catch (IllegalArgumentException e) {
                    throw new InvalidFieldException("cursor", "cursor must be a next_cursor this API returned");
                }
            }
            return new GenerationLogRequest(scope, blankToNull(model), blankToNull(keyId), start, end, after,
                    ListLedgerQuery.pageSize(limit, DEFAULT_LIMIT, MAX_LIMIT));
        }

        private static Instant day(String field, String text) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException(field, field + " must be a date like 2026-11-01");
            }
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }

    /** @param nextCursor null on the last page */
    record GenerationPage(List<Generation> generations, String nextCursor) {
    }
}
