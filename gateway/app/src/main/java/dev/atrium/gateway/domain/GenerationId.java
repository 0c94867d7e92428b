package dev.atrium.gateway.domain;

import java.security.SecureRandom;

/** {@code gen-} + 24 random base62 characters: the id clients see and billing keys on. */
public final class GenerationId {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GenerationId() {
    }

    public static String next() {
        StringBuilder id = new StringBuilder("gen-");
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
