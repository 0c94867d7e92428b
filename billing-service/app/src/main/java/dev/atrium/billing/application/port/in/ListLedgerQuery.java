package dev.atrium.billing.application.port.in;

import dev.atrium.billing.domain.LedgerCursor;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.common.error.InvalidFieldException;
import java.util.List;

/** An organization's ledger entries, newest first, a page at a time. */
public interface ListLedgerQuery {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    LedgerPage list(LedgerPageRequest request);

    /** @param before only entries older than this sequence; null for the newest */
    record LedgerPageRequest(String organizationId, Long before, int limit) {

        public static LedgerPageRequest of(String organizationId, String limit, String cursor) {
            int size = pageSize(limit, DEFAULT_LIMIT, MAX_LIMIT);
            Long before = null;
            if (cursor != null) {
                try {
                    before = LedgerCursor.decode(cursor);
                } catch (IllegalArgumentException e) {
                    throw new InvalidFieldException("cursor", "cursor must be a next_cursor this API returned");
                }
            }
            return new LedgerPageRequest(organizationId, before, size);
        }
    }

    /** A page's {@code limit} parameter: absent for the default, else a whole number from 1 to the maximum. */
    static int pageSize(String limit, int defaultLimit, int maxLimit) {
        if (limit == null) {
            return defaultLimit;
        }
        int size;
        try {
            size = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > maxLimit) {
            throw new InvalidFieldException("limit", "limit must be a whole number from 1 to " + maxLimit);
        }
        return size;
    }

    /** @param nextCursor null on the last page */
    record LedgerPage(List<LedgerEntry> entries, String nextCursor) {
    }
}
