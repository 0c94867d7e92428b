package dev.atrium.workspace.config;

import dev.atrium.workspace.domain.KeyHasher;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

@ConfigMapping(prefix = "atrium.keys")
public interface KeysConfig {

    /** The server-side secret of the keys' HMAC. */
    String pepper();

    /** The OIDC client whose service account alone may resolve keys (the gateway's). */
    @WithDefault("atrium-gateway")
    String resolutionClient();

    class Producer {

        @Produces
        @Singleton
        KeyHasher keyHasher(KeysConfig config) {
            return new KeyHasher(config.pepper());
        }
    }
}
