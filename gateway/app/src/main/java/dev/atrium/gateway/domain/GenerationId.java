package dev.atrium.gateway.domain;

import java.security.SecureRandom;

/** {@code gen-} + 24 random base62 characters: the id clients see and billing keys on. */
public final class GenerationId {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GenerationId() {
    }

    /**
     * One draw of random bytes per id (a draw per character cost a lock and a read of the system's
     * source each): each byte's low 6 bits pick a character, and the 2 of 64 values past the alphabet
     * are skipped, so every character stays uniform.
     */
    public static String next() {
        StringBuilder id = new StringBuilder(28).append("gen-");
        byte[] bytes = new byte[32];
        while (id.length() < 28) {
            RANDOM.nextBytes(bytes);
            for (int i = 0; i < bytes.length && id.length() < 28; i++) {
                int v = bytes[i] & 0x3F;
                if (v < ALPHABET.length()) {
                    id.append(ALPHABET.charAt(v));
                }
            }
        }
        return id.toString();
    }
}
