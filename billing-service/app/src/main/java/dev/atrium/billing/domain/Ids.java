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

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
