package dev.atrium.workspace.adapter.out.persistence;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.application.port.in.Page;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pagination: a cursor is the opaque (base64url) position of the last row of the previous
 * page, so pages stay stable while rows are added.
 */
final class Keyset {

    private Keyset() {
    }

    record Position(Instant createdAt, String id) {
    }

    static String encode(Instant createdAt, String id) {
        return encode(createdAt + "|" + id);
    }

    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("cursor", "cursor is not one this API returned");
        }
    }

    static Position position(String cursor) {
        String text = decode(cursor);
        int bar = text.indexOf('|');
        try {
            if (bar > 0) {
                return new Position(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
            }
        } catch (DateTimeParseException e) {
            // reported below as a bad cursor
        }
        throw new InvalidFieldException("cursor", "cursor is not one this API returned");
    }

    static long number(String cursor) {
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("cursor", "cursor is not one this API returned");
        }
    }

    /** {@code rows} holds up to limit + 1 rows; the extra one only says that a next page exists. */
    static <E, T> Page<T> page(List<E> rows, int limit, Function<E, String> cursorOf, Function<E, T> toDomain) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(shown.stream().map(toDomain).toList(),
                more ? cursorOf.apply(shown.get(shown.size() - 1)) : null);
    }
}
