package dev.atrium.workspace.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * An API key as the client holds it: {@code sk-at-v1-} + 40 random base62 characters + a 6
 * character CRC32 checksum of them, so a leaked key can be recognised by scanners and a mistyped
 * one rejected without a database lookup. A management key has the same form under its own prefix,
 * {@code sk-at-mgmt-v1-}, which no API key starts with: one can never be taken for the other.
 */
public record ApiKeySecret(String value) {

    public static final String PREFIX = "sk-at-v1-";
    public static final String MANAGEMENT_PREFIX = "sk-at-mgmt-v1-";
    private static final int BODY = 40;
    private static final int CHECKSUM = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeySecret generate() {
        return generate(PREFIX);
    }

    public static ApiKeySecret generateManagement() {
        return generate(MANAGEMENT_PREFIX);
    }

    private static ApiKeySecret generate(String prefix) {
        String body = Base62.random(RANDOM, BODY);
        return new ApiKeySecret(prefix + body + checksum(body));
    }

    public static boolean isWellFormed(String candidate) {
        return isWellFormed(candidate, PREFIX);
    }

    public static boolean isWellFormedManagement(String candidate) {
        return isWellFormed(candidate, MANAGEMENT_PREFIX);
    }

    private static boolean isWellFormed(String candidate, String prefix) {
        if (candidate == null || candidate.length() != prefix.length() + BODY + CHECKSUM
                || !candidate.startsWith(prefix)) {
            return false;
        }
        String body = candidate.substring(prefix.length(), prefix.length() + BODY);
        for (int i = 0; i < body.length(); i++) {
            if (Base62.ALPHABET.indexOf(body.charAt(i)) < 0) {
                return false;
            }
        }
        return checksum(body).equals(candidate.substring(prefix.length() + BODY));
    }

    /** What listings show: the prefix and the first three random characters. */
    public String displayPrefix() {
        return value.substring(0, value.length() - BODY - CHECKSUM + 3);
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
