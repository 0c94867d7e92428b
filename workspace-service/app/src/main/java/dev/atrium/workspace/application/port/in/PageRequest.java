package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;

/** {@code limit} (1-100, default 20) and the opaque {@code cursor} of the previous page. */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** From query parameters as sent, so a non-number is a 400 naming {@code limit}. */
    public static PageRequest parse(String limit, String cursor) {
        if (limit == null || limit.isBlank()) {
            return of(null, cursor);
        }
        try {
            return of(Integer.valueOf(limit.strip()), cursor);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest of(Integer limit, String cursor) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(l, cursor == null || cursor.isBlank() ? null : cursor);
    }
}
