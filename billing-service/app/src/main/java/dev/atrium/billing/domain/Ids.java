package dev.atrium.billing.domain;

import java.security.SecureRandom;

/** Opaque ids: a type prefix and 20 random base62 characters. */
public final class Ids {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String credit() {
        return "cr_" + random(20);
    }

    public static String transaction() {
        return "txn_" + random(20);
    }

    /**
     * One draw of random bytes per id, not one per character (the generator locks and mixes on every
     * call, and every usage record takes a transaction id). Bytes of 248 and above are skipped so
     * each character stays uniform (248 = 4 x 62).
     */
    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        byte[] bytes = new byte[length + length / 2];
        while (out.length() < length) {
            RANDOM.nextBytes(bytes);
            for (int i = 0; i < bytes.length && out.length() < length; i++) {
                int b = bytes[i] & 0xFF;
                if (b < 4 * ALPHABET.length()) {
                    out.append(ALPHABET.charAt(b % ALPHABET.length()));
                }
            }
        }
        return out.toString();
    }
}
