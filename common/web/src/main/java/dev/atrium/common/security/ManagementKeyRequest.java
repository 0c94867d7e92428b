package dev.atrium.common.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer secret with the management-key prefix, for the service's management-key identity provider. */
public final class ManagementKeyRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ManagementKeyRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
