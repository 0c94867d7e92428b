package dev.atrium.workspace.config;

import dev.atrium.workspace.domain.SecretBox;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Master keys that seal BYOK secrets and observability headers:
 * {@code atrium.byok.master-keys.<id>=<base64 of 32 bytes>} and {@code atrium.byok.active-key-id}.
 */
@ConfigMapping(prefix = "atrium.byok")
public interface ByokConfig {

    Map<String, String> masterKeys();

    String activeKeyId();

    /** Principals (service accounts) allowed to read decrypted BYOK secrets. */
    @WithDefault("service-account-atrium-gateway")
    Set<String> secretReaders();

    class Producer {

        @Produces
        @Singleton
        SecretBox secretBox(ByokConfig config) {
            Map<String, byte[]> keys = new HashMap<>();
            config.masterKeys().forEach((id, base64) -> {
                try {
                    keys.put(id, Base64.getDecoder().decode(base64.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("atrium.byok.master-keys." + id + " is not base64", e);
                }
            });
            return new SecretBox(keys, config.activeKeyId());
        }
    }
}
