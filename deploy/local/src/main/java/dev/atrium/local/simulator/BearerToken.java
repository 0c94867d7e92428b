package dev.atrium.local.simulator;

import com.sun.net.httpserver.Headers;

/** The token of an {@code Authorization: Bearer} header. */
final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /** The token, or null when the header is missing, of another scheme, or empty. */
    static String of(Headers headers) {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = authorization.substring(SCHEME.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
