package dev.atrium.workspace.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * An API key as the client holds it: {@code sk-at-v1-} + 40 random base62 characters + a 6
 * character CRC32 checksum of them, so a leaked key can be recognised by scanners and a mistyped
 * one rejected without a database lookup.
 */
public record ApiKeySecret(String value) {

    public static final String PREFIX = "sk-at-v1-";
    private static final int BODY = 40;
    private static final int CHECKSUM = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeySecret generate() {
        String body = Base62.random(RANDOM, BODY);
        return new ApiKeySecret(PREFIX + body + checksum(body));
    }

    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != PREFIX.length() + BODY + CHECKSUM
                || !candidate.startsWith(PREFIX)) {
            return false;
        }
        String body = candidate.substring(PREFIX.length(), PREFIX.length() + BODY);
        for (int i = 0; i < body.length(); i++) {
            if (Base62.ALPHABET.indexOf(body.charAt(i)) < 0) {
                return false;
            }
        }
        return checksum(body).equals(candidate.substring(PREFIX.length() + BODY));
    }

    /** What listings show: the prefix and the first three random characters. */
    public String displayPrefix() {
        return value.substring(0, PREFIX.length() + 3);
    }

    public String last4() {
        return value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return displayPrefix() + "...";
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.encode(crc.getValue(), CHECKSUM);
    }
}
