package dev.atrium.billing.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque {@code cursor} of generation log pages: the time and id of the last generation shown (the log is
 * newest first, ties broken by id), encoded.
 */
public record GenerationCursor(Instant createdAt, String id) {

    private static final String VERSION = "gl1:";

    public String encode() {
        String text = VERSION + createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is no cursor this service wrote */
    public static GenerationCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(VERSION)) {
                throw new IllegalArgumentException("cursor is malformed");
            }
            String[] parts = text.substring(VERSION.length()).split(":", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw new IllegalArgumentException("cursor is malformed");
            }
            return new GenerationCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    parts[2]);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("cursor is malformed");
        }
    }
}
