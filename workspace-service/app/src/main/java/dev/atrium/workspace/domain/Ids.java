package dev.atrium.workspace.domain;

import java.security.SecureRandom;

/** Opaque ids: a type prefix and 20 random base62 characters. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String organization() {
        return "org_" + Base62.random(RANDOM, 20);
    }

    public static String workspace() {
        return "ws_" + Base62.random(RANDOM, 20);
    }

    public static String apiKey() {
        return "key_" + Base62.random(RANDOM, 20);
    }

    public static String managementKey() {
        return "mk_" + Base62.random(RANDOM, 20);
    }
}
