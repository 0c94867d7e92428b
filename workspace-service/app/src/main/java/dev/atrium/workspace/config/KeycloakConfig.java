package dev.atrium.workspace.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Keycloak admin API that keeps tenant group memberships, reached with this service's account. */
@ConfigMapping(prefix = "atrium.keycloak")
public interface KeycloakConfig {

    /** Server root, e.g. http://127.0.0.1:8180. */
    @WithDefault("http://127.0.0.1:8180")
    String url();

    @WithDefault("atrium")
    String realm();

    @WithDefault("atrium-workspace")
    String clientId();

    String clientSecret();

    @WithDefault("5000")
    int timeoutMillis();
}
