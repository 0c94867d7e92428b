package dev.atrium.workspace.config;

import dev.atrium.workspace.domain.KeyHasher;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

@ConfigMapping(prefix = "atrium.keys")
public interface KeysConfig {

    /** The server-side secret of the keys' HMAC. */
    String pepper();

    class Producer {

        @Produces
        @Singleton
        KeyHasher keyHasher(KeysConfig config) {
            return new KeyHasher(config.pepper());
        }
    }
}
