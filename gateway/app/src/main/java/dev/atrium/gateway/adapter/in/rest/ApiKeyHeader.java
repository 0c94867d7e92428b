package dev.atrium.gateway.adapter.in.rest;

import dev.atrium.common.error.ApiException;

/** Reads {@code Authorization: Bearer <key>}; anything else is a 401 in the error shape. */
final class ApiKeyHeader {

    private ApiKeyHeader() {
    }

    static String read(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw ApiException.unauthorized("Missing API key: send Authorization: Bearer <key>");
        }
        return authorization.substring(7).strip();
    }

    /**
     * An API key ({@code sk-at-v1-}); anything else (a management key, a Keycloak token) is a management
     * caller, which the routes that serve both answer for its organization through the owning services.
     */
    static boolean isApiKey(String credential) {
        return credential.startsWith("sk-at-v1-");
    }
}
